export default {
  // Engagement Board: people log in at /login (Spring Security), never on the Tasklist's own login view;
  // form-errors lets forms with rows of pickers (dynamic lists) complete (see that script).
  customScripts: ['scripts/login-redirect', 'scripts/form-errors'],
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};

// Engagement Board: after "Log out" or an expired session the Tasklist routes to #/login, whose
// form cannot work here (the webapps' login API needs a Spring Security session). Go to /login instead.
const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const contextPath = appRoot.replace(/\/camunda$/, '');
function toLogin() {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(contextPath + '/login?logout');
  }
}
window.addEventListener('hashchange', toLogin);
toLogin();
export default [];

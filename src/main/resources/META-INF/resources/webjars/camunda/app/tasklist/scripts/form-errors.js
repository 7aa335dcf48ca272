// Engagement Board: errors next to the field in the Tasklist of Camunda 7.24 (form-js 1.8).
// 1. The Tasklist keeps Complete disabled while form-js reports any error key, and form-js leaves an empty
//    entry (errors[fieldId] = []) once a field inside a dynamic list has been changed or shown, even when it
//    is valid: rows of pickers would never complete. Entries that hold no error are dropped.
// 2. A refusal by the server's form checks (400 from .../submit-form or .../complete, naming the field it is
//    about) is shown next to that field, as the form's own checks are; it clears on the next change so the
//    person can mend it and complete again. The Tasklist's own notification still says it too.
// 3. form-js's own words for a text of spaces alone become words a person acts on.
const FORM_JS_MODULE = 57661; // form-js in webjars/camunda/lib/deps.js of Camunda 7.24.0

const MESSAGES = {
  'Field must have minimum length of 1.': 'Write something here: spaces alone are not an answer.'
};

// The forms on the page, most recent last: the one a refusal is about is the one still attached.
const forms = [];

function reworded(entry) {
  if (Array.isArray(entry)) {
    return entry.map(function (e) { return typeof e === 'string' && MESSAGES[e] ? MESSAGES[e] : e; });
  }
  return entry;
}

// The answers as the server read them: a number typed is "9" in one report and 9 in the next, an emptied
// field is missing, null or "". Only a different answer is a change the person made.
function normalised(value) {
  if (Array.isArray(value)) {
    return value.map(normalised);
  }
  if (value && typeof value === 'object') {
    const out = {};
    Object.keys(value).sort().forEach(function (key) {
      const v = normalised(value[key]);
      if (v !== null && v !== undefined && v !== '') {
        out[key] = v;
      }
    });
    return out;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value.trim());
  }
  return value;
}

function changed(before, after) {
  try {
    return JSON.stringify(normalised(before)) !== JSON.stringify(normalised(after));
  } catch (e) {
    return before !== after;
  }
}

function withoutEmptyEntries(errors) {
  if (!errors || typeof errors !== 'object') {
    return errors;
  }
  const kept = {};
  Object.keys(errors).forEach(function (key) {
    const entry = errors[key];
    if (entry === undefined || entry === null) {
      return;
    }
    if (Array.isArray(entry) && !entry.some(function (e) { return e !== undefined && e !== null; })) {
      return;
    }
    kept[key] = reworded(entry);
  });
  return kept;
}

function patch(require) {
  const formJs = require(FORM_JS_MODULE);
  const Form = formJs && formJs.Form;
  if (!Form || !Form.prototype || Form.prototype.__engagementBoardErrors) {
    return !!Form;
  }
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    if (forms.indexOf(this) < 0) {
      forms.push(this);
      if (forms.length > 10) {
        forms.shift();
      }
    }
    if (state && state.errors) {
      let errors = state.errors;
      const server = this.__serverErrors;
      if (server && state.data && changed(this.__serverErrorsData, state.data)) {
        // The person changed something: the server's verdict on the earlier answer no longer holds.
        errors = Object.assign({}, errors);
        Object.keys(server).forEach(function (id) {
          if (errors[id] === server[id]) {
            delete errors[id];
          }
        });
        this.__serverErrors = null;
      } else if (server) {
        // Until then it stays, whatever else recomputes the form's errors (the Tasklist validates again
        // after a refused submit).
        errors = Object.assign({}, errors);
        Object.keys(server).forEach(function (id) {
          if (!errors[id] || (Array.isArray(errors[id]) && errors[id].length === 0)) {
            errors[id] = server[id];
          }
        });
      }
      state = Object.assign({}, state, {errors: withoutEmptyEntries(errors)});
    }
    return setState.call(this, state);
  };
  Form.prototype.__engagementBoardErrors = true;
  return true;
}

function attachedForm() {
  for (let i = forms.length - 1; i >= 0; i--) {
    const container = forms[i]._container;
    if (container && container.isConnected) {
      return forms[i];
    }
  }
  return null;
}

// Shows a refusal of the server next to the field it names (a field of a dynamic list's row: on the row).
function showNextToField(refusal) {
  const form = attachedForm();
  if (!form || !refusal || typeof refusal.field !== 'string') {
    return false;
  }
  const reason = typeof refusal.reason === 'string' ? refusal.reason : refusal.message;
  const fields = form.get('formFieldRegistry').getAll();
  const field = fields.find(function (f) {
    return f.key === refusal.field || (f.type === 'dynamiclist' && f.path === refusal.field);
  });
  if (!field) {
    return false;
  }
  let id = field.id;
  let value = [reason];
  if (field.type === 'dynamiclist') {
    const editable = (field.components || []).find(function (c) { return c.key && !c.readonly && !c.disabled; })
      || (field.components || []).find(function (c) { return c.key; });
    if (!editable) {
      return false;
    }
    id = editable.id;
    value = [];
    value[typeof refusal.row === 'number' && refusal.row > 0 ? refusal.row - 1 : 0] = [reason];
  }
  const errors = Object.assign({}, form._getState().errors);
  errors[id] = value;
  const server = {};
  server[id] = value;
  form._setState({errors: errors});
  form.__serverErrors = server;
  form.__serverErrorsData = JSON.parse(JSON.stringify(form._getState().data || {}));
  const element = document.querySelector('.fjs-container [id^="fjs-form-"][id*="' + id + '"]');
  if (element && element.scrollIntoView) {
    element.scrollIntoView({block: 'center'});
  }
  return true;
}

const FORM_ANSWER = /\/(submit-form|complete)(\?.*)?$/;

// Watches the Tasklist's requests that submit a form's answers for a refusal naming a field.
function watchSubmissions() {
  const open = XMLHttpRequest.prototype.open;
  if (open.__engagementBoardErrors) {
    return;
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    if (String(method).toUpperCase() === 'POST' && FORM_ANSWER.test(String(url))) {
      this.addEventListener('load', function () {
        if (this.status !== 400) {
          return;
        }
        try {
          const body = typeof this.response === 'object' && this.response !== null && this.responseType === 'json'
            ? this.response : JSON.parse(this.responseText);
          showNextToField(body);
        } catch (e) {
          // not a refusal of a field: the Tasklist's notification says what happened
        }
      });
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.open.__engagementBoardErrors = true;
}

watchSubmissions();

function tryPatch() {
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks) {
    return false;
  }
  let webpackRequire = null;
  chunks.push([[Symbol('engagement-board-form-errors')], {}, function (r) { webpackRequire = r; }]);
  try {
    return webpackRequire !== null && patch(webpackRequire);
  } catch (e) {
    return false;
  }
}

if (!tryPatch()) {
  let attempts = 0;
  const timer = setInterval(function () {
    attempts += 1;
    if (tryPatch() || attempts > 100) {
      clearInterval(timer);
      if (attempts > 100) {
        console.warn('Engagement Board: could not adjust form-js error reporting in the Tasklist');
      }
    }
  }, 50);
}

export default [];

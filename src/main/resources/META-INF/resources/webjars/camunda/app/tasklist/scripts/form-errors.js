// Engagement Board: the Tasklist of Camunda 7.24 keeps Complete disabled while form-js reports any
// error key, and form-js 1.8 leaves an empty entry (errors[fieldId] = []) once a field inside a dynamic
// list has been changed or shown, even when that field is valid. Rows of pickers (a new owner per
// disputed right, the plan's activities, the agenda's order) would then never complete. This drops the
// entries that hold no error before the Tasklist counts them; real errors still show next to their field.
const FORM_JS_MODULE = 57661; // form-js in webjars/camunda/lib/deps.js of Camunda 7.24.0

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
    kept[key] = entry;
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
    if (state && state.errors) {
      state = Object.assign({}, state, {errors: withoutEmptyEntries(state.errors)});
    }
    return setState.call(this, state);
  };
  Form.prototype.__engagementBoardErrors = true;
  return true;
}

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

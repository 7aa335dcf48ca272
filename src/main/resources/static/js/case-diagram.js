/*
 * The case page's diagram: fetches the process version's BPMN and the case's state, draws them with
 * bpmn-js's navigated viewer, and marks where the case is (or where it ended) with CSS classes that
 * css/case.css colours. No inline code: the page's Content-Security-Policy allows scripts from this
 * server only.
 */
(function () {
  'use strict';

  var root = document.getElementById('case-diagram');
  if (!root) {
    return;
  }
  var status = document.querySelector('.case-diagram-status');

  function say(text, failed) {
    status.textContent = text;
    status.classList.toggle('failed', !!failed);
  }

  function fetchOk(url, accept) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: accept } }).then(function (response) {
      if (!response.ok) {
        throw new Error('the server answered ' + response.status);
      }
      return response;
    });
  }

  if (typeof window.BpmnJS !== 'function') {
    say('The diagram viewer did not load; the steps above say where the case stands.', true);
    return;
  }

  var canvasElement = document.createElement('div');
  canvasElement.className = 'case-canvas';
  root.appendChild(canvasElement);
  var viewer = new window.BpmnJS({ container: canvasElement, keyboard: { bindTo: root } });

  Promise.all([
    fetchOk(root.dataset.diagram, 'application/xml').then(function (r) { return r.text(); }),
    fetchOk(root.dataset.state, 'application/json').then(function (r) { return r.json(); })
  ]).then(function (results) {
    var xml = results[0];
    var state = results[1];
    return viewer.importXML(xml).then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport', 'auto');
      var marked = 0;
      function mark(ids, marker) {
        (ids || []).forEach(function (id) {
          if (registry.get(id)) {
            canvas.addMarker(id, marker);
            marked++;
          }
        });
      }
      mark(state.scopes, 'case-scope');
      mark(state.current, 'case-current');
      mark(state.reached, 'case-reached');
      root.dataset.marked = String(marked);
      root.classList.add('drawn');
      say(state.ended ? 'The diagram marks where the case ended.' : 'The diagram marks where the case is now.');
    });
  }).catch(function (error) {
    say('The diagram could not be drawn (' + error.message + '); the steps above say where the case stands.', true);
  });
}());

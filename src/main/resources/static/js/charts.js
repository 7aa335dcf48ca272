/*
 * The pages' charts. Each <canvas data-chart="/charts/....json" aria-label="..."> is drawn with Chart.js
 * (loaded before this script, from /webjars) from the JSON its address answers (web.ChartData): the chart's
 * type, its labels, its series, and the sentence to show instead when there is nothing to draw.
 * Below each chart a table of the same figures, for screen readers and for anyone who wants the numbers.
 * No inline script or style: the pages' Content-Security-Policy allows neither.
 */
(function () {
  'use strict';

  /** Colours by series key (or slice key), matching the pages' states (charter.css, board.css, the summit PDF). */
  var COLOURS = {
    gaps: '#7b8694',
    conflicts: '#8e3fb0',
    approved: '#2e8b4a',
    rejected: '#b3263a',
    average: '#0b5fa5',
    median: '#7fb0dc',
    'in-house': '#0b5fa5',
    mixed: '#6b4c9a',
    partner: '#d97a00'
  };
  var OTHERS = ['#0b5fa5', '#d97a00', '#2e8b4a', '#8e3fb0', '#b3263a', '#5b6775'];

  function colour(key, index) {
    return COLOURS[key] || OTHERS[index % OTHERS.length];
  }

  function element(name, text, className) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  /** The chart's place on the page: its wrapper if it has one, else the canvas itself. */
  function place(canvas) {
    return canvas.closest('.chart') || canvas;
  }

  /** Instead of the chart, a sentence: what there is not, and what to do. */
  function sentence(canvas, text, state) {
    var p = element('p', text, 'chart-empty');
    p.setAttribute('data-chart-state', state);
    place(canvas).replaceWith(p);
  }

  /** The figures as a table, after the chart: one row per label, one column per series. */
  function figures(canvas, data) {
    var details = element('details', null, 'chart-figures');
    details.appendChild(element('summary', 'The figures'));
    var table = element('table');
    table.appendChild(element('caption', canvas.getAttribute('aria-label')));
    var hasDetails = data.details.some(function (d) { return d; });
    var head = element('tr');
    head.appendChild(element('th', canvas.getAttribute('data-label-heading') || ''));
    if (hasDetails) {
      head.appendChild(element('th', canvas.getAttribute('data-detail-heading') || ''));
    }
    data.datasets.forEach(function (series) {
      var th = element('th', series.label, 'num');
      th.scope = 'col';
      head.appendChild(th);
    });
    head.firstChild.scope = 'col';
    var thead = element('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = element('tbody');
    data.labels.forEach(function (label, i) {
      var row = element('tr');
      var th = element('th', label);
      th.scope = 'row';
      row.appendChild(th);
      if (hasDetails) {
        row.appendChild(element('td', data.details[i] || ''));
      }
      data.datasets.forEach(function (series) {
        row.appendChild(element('td', String(series.data[i]), 'num'));
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    details.appendChild(table);
    place(canvas).after(details);
  }

  function draw(canvas, data) {
    if (!data.labels || data.labels.length === 0) {
      sentence(canvas, data.empty, 'empty');
      return;
    }
    var doughnut = data.type === 'doughnut';
    var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var datasets = data.datasets.map(function (series, i) {
      var colours = doughnut && series.pointKeys.length
        ? series.pointKeys.map(function (key, j) { return colour(key, j); })
        : colour(series.key, i);
      return { label: series.label, data: series.data, backgroundColor: colours, borderColor: doughnut ? '#fff' : colours };
    });
    var options = {
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: doughnut ? 1.8 : 2.2,
      animation: still ? false : { duration: 300 },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            footer: function (items) {
              return items.length ? data.details[items[0].dataIndex] || '' : '';
            }
          }
        }
      }
    };
    if (!doughnut) {
      // Counts (rights, decisions) step by whole numbers; days may have tenths.
      var whole = data.datasets.every(function (series) {
        return series.data.every(function (value) { return Number.isInteger(value); });
      });
      options.scales = {
        x: { stacked: data.stacked },
        y: {
          stacked: data.stacked,
          beginAtZero: true,
          title: { display: true, text: data.unit },
          ticks: whole ? { precision: 0 } : {}
        }
      };
    }
    new window.Chart(canvas, { type: data.type, data: { labels: data.labels, datasets: datasets }, options: options });
    canvas.setAttribute('data-chart-state', 'drawn');
    figures(canvas, data);
  }

  function load(canvas) {
    if (!window.Chart) {
      sentence(canvas, 'The chart could not be drawn: its library did not load. Reload the page to try again.', 'failed');
      return;
    }
    fetch(canvas.getAttribute('data-chart'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) { draw(canvas, data); })
      .catch(function () {
        sentence(canvas, 'The chart could not be loaded. Reload the page to try again.', 'failed');
      });
  }

  document.querySelectorAll('canvas[data-chart]').forEach(load);
}());

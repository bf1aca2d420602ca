// Draws the dashboard's charts (Chart.js, served by Cordon); a click on a bar opens the list behind it.
(function () {
  if (typeof Chart === 'undefined' || typeof charts === 'undefined') { return; }
  var colours = ['#1f5fa8', '#b3261e', '#f0a500', '#1e7a3c', '#5b1a6e', '#5b6776'];
  charts.forEach(function (c) {
    var canvas = document.getElementById(c.id + '-canvas');
    if (!canvas) { return; }
    var line = c.id === 'disclosures-per-month';
    new Chart(canvas, {
      type: line ? 'line' : 'bar',
      data: {
        labels: c.labels,
        datasets: c.series.map(function (s, i) {
          return { label: s.name, data: s.values, backgroundColor: colours[i % colours.length],
                   borderColor: colours[i % colours.length], stack: c.series.length > 1 ? 'all' : undefined };
        })
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: c.series.length > 1 } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, stacked: c.series.length > 1 },
                  x: { stacked: c.series.length > 1 } },
        onClick: function (event, elements) {
          if (elements.length && c.links[elements[0].index]) { window.location.href = c.links[elements[0].index]; }
        }
      }
    });
  });
})();

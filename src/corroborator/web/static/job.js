// Polls the job's JSON while it runs; reloads the page (server-rendered results) when it ends.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var status = box.getAttribute("data-status");
  if (status !== "queued" && status !== "running") { return; }
  var id = box.getAttribute("data-job");
  function show(job) {
    document.getElementById("job-status").textContent = job.status;
    document.getElementById("job-progress").textContent =
      job.done + (job.total ? " of " + job.total : "") + " done";
    document.getElementById("job-message").textContent = job.message || "";
    var bar = document.getElementById("job-bar");
    if (bar && job.total) { bar.max = job.total; bar.value = job.done; }
  }
  function poll() {
    fetch("/api/jobs/" + encodeURIComponent(id), { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        show(job);
        if (job.status === "done" || job.status === "failed") { window.location.reload(); }
        else { window.setTimeout(poll, 700); }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 500);
})();

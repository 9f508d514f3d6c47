// The session form offers only the directives of the chosen campaign: the campaign select carries
// {campaign id: [directive ids]} in data-directives; the others are hidden and unticked.
(function () {
  function filter(select) {
    var map = JSON.parse(select.dataset.directives || "{}");
    var allowed = map[select.value] || [];
    document.querySelectorAll('input[name="directives"]').forEach(function (box) {
      var keep = allowed.indexOf(parseInt(box.value, 10)) !== -1;
      // Django renders each choice as <div><label><input> text</label></div> inside the widget's
      // container: hide that choice, never the field around it.
      var label = box.closest("label") || box;
      var item = label.parentElement && !label.parentElement.id ? label.parentElement : label;
      item.hidden = !keep;
      if (!keep) { box.checked = false; }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var select = document.querySelector("select[name=campaign][data-directives]");
    if (!select) { return; }
    filter(select);
    select.addEventListener("change", function () { filter(select); });
  });
})();

/* The review page of one article: choose an actor or a concern to see its spans; hover or focus a
   highlight to see what it is. Reads its data from the JSON block; writes text only with
   textContent, never as HTML. */
(function () {
  "use strict";
  var node = document.getElementById("review-data");
  if (!node) { return; }
  var data = JSON.parse(node.textContent);
  var stack = document.querySelector(".stack");
  var status = document.querySelector(".status");
  var clear = document.querySelector(".clear");
  var tip = document.getElementById("tip");
  var bySpan = {};
  Array.prototype.forEach.call(document.querySelectorAll("mark[data-span]"), function (mark) {
    bySpan[mark.getAttribute("data-span")] = mark;
  });
  var current = null; // {button, targets, position}

  function byStart(a, b) { return data.spans[a][0] - data.spans[b][0] || data.spans[b][1] - data.spans[a][1]; }

  function targetsOf(button) {
    var ids = [];
    if (button.hasAttribute("data-actor")) {
      ids = data.actors[Number(button.getAttribute("data-actor"))].spans.slice();
    } else {
      var span = data.concerns[Number(button.getAttribute("data-concern"))].span;
      ids = span === null ? [] : [span];
    }
    ids.sort(byStart);
    return ids.map(function (id) { return bySpan[String(id)]; }).filter(Boolean);
  }

  function describe(button, targets, position) {
    var what = button.hasAttribute("data-actor")
      ? data.actors[Number(button.getAttribute("data-actor"))].name + ": mention"
      : "Quote";
    if (!targets.length) { return what + ": not in the text"; }
    var more = targets.length > 1 ? " (choose again for the next)" : "";
    return what + " " + (position + 1) + " of " + targets.length + more;
  }

  function reset() {
    Array.prototype.forEach.call(document.querySelectorAll("mark.sel, mark.cur"), function (mark) {
      mark.classList.remove("sel", "cur");
    });
    Array.prototype.forEach.call(document.querySelectorAll(".pick[aria-pressed='true']"), function (b) {
      b.setAttribute("aria-pressed", "false");
    });
    stack.classList.remove("picking");
    current = null;
  }

  function show(position, scroll) {
    current.targets.forEach(function (mark) { mark.classList.remove("cur"); });
    current.position = position;
    var mark = current.targets[position];
    if (mark) {
      mark.classList.add("cur");
      if (scroll) { mark.scrollIntoView({ block: "center", inline: "nearest" }); }
    }
    status.textContent = describe(current.button, current.targets, position);
  }

  function choose(button, scroll, at) {
    if (current && current.button === button && at === undefined) {
      show((current.position + 1) % Math.max(current.targets.length, 1), scroll);
      return;
    }
    reset();
    var targets = targetsOf(button);
    current = { button: button, targets: targets, position: 0 };
    button.setAttribute("aria-pressed", "true");
    stack.classList.add("picking");
    targets.forEach(function (mark) { mark.classList.add("sel"); });
    clear.hidden = false;
    show(at === undefined ? 0 : Math.max(targets.indexOf(at), 0), scroll);
  }

  function unchoose() {
    reset();
    clear.hidden = true;
    status.textContent = "";
  }

  function buttonFor(mark) {
    var selector = mark.classList.contains("q")
      ? ".pick[data-concern='" + mark.getAttribute("data-concern") + "']"
      : ".pick[data-actor='" + mark.getAttribute("data-actor") + "']";
    return document.querySelector(selector);
  }

  function label(mark) {
    var span = data.spans[Number(mark.getAttribute("data-span"))];
    var actor = span[3] === null ? null : data.actors[span[3]];
    if (span[2] === "q") {
      var concern = data.concerns[span[4]];
      return "Quote · " + concern.kind + " · " + concern.holder + ": " + concern.concern;
    }
    return actor.name + " · " + actor.kind.replace("_", " ") + (actor.role ? " · " + actor.role : "");
  }

  var tipFor = null;
  function showTip(mark) {
    tip.textContent = label(mark);
    tip.hidden = false;
    tipFor = mark;
    mark.setAttribute("aria-describedby", "tip");
    placeTip(mark);
  }

  function placeTip(mark) {
    var rect = mark.getClientRects()[0] || mark.getBoundingClientRect();
    var left = Math.min(Math.max(rect.left, 8), window.innerWidth - tip.offsetWidth - 8);
    var top = rect.top - tip.offsetHeight - 6;
    tip.style.left = left + "px";
    tip.style.top = (top < 4 ? rect.bottom + 6 : top) + "px";
  }

  function hideTip(mark) {
    tip.hidden = true;
    tipFor = null;
    if (mark) { mark.removeAttribute("aria-describedby"); }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".pick");
    if (button) { choose(button, true); return; }
    var mark = event.target.closest("mark[data-span]");
    if (mark && buttonFor(mark)) { choose(buttonFor(mark), false, mark); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { unchoose(); hideTip(null); return; }
    var mark = event.target.closest && event.target.closest("mark[data-span]");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      if (buttonFor(mark)) { choose(buttonFor(mark), false, mark); }
    }
  });
  clear.addEventListener("click", unchoose);
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var mark = event.target.closest && event.target.closest("mark[data-span]");
      if (mark) { showTip(mark); }
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var mark = event.target.closest && event.target.closest("mark[data-span]");
      if (mark) { hideTip(mark); }
    });
  });
  // The tip follows its highlight when the page scrolls (focusing a highlight scrolls to it).
  window.addEventListener("scroll", function () { if (tipFor) { placeTip(tipFor); } }, { passive: true });
})();

/* The index of a review site: three tables (articles, actors, who said what), sortable and
   filterable, a hundred rows on screen at a time. Rows come from data/KIND-NNNN.js files, loaded
   when a table first needs them. All text is written with textContent, never as HTML. */
(function () {
  "use strict";
  var manifest = JSON.parse(document.getElementById("site-data").textContent);
  var PAGE = 100;
  var view = document.getElementById("view");
  var chunks = { articles: [], concerns: [], actors: [] };
  var arrived = { articles: 0, concerns: 0, actors: 0 };
  var requested = {};
  var rows = { articles: [], concerns: [], actors: [] };
  var state = { tab: "articles", params: {}, page: 0, open: {} };
  var kinds = ["concern", "warning", "accusation", "criticism", "doubt", "other"];
  var typing = null; // the timer of a filter being typed
  var collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

  window.SummarizerSite = {
    add: function (kind, number, data) {
      data.forEach(function (row, i) { row.n = number * manifest.per_file + i; });
      chunks[kind][number] = data;
      arrived[kind] += 1;
      var all = [];
      for (var i = 0; i < chunks[kind].length; i++) {
        if (!chunks[kind][i]) { break; }
        all = all.concat(chunks[kind][i]);
      }
      rows[kind] = all;
      schedule();
    }
  };

  function load(kind) {
    if (requested[kind]) { return; }
    requested[kind] = true;
    for (var i = 0; i < manifest.files[kind]; i++) {
      var script = document.createElement("script");
      script.src = "data/" + kind + "-" + String(i).padStart(4, "0") + ".js";
      script.async = false; // in order: the first rows show first
      document.head.appendChild(script);
    }
  }

  function complete(kind) { return arrived[kind] >= manifest.files[kind]; }

  var pending = false;
  function schedule() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; render(); });
  }

  function el(tag, attributes) {
    var node = document.createElement(tag);
    var name;
    for (name in attributes || {}) {
      if (attributes[name] !== null && attributes[name] !== undefined && attributes[name] !== false) {
        node.setAttribute(name, attributes[name] === true ? "" : attributes[name]);
      }
    }
    for (var i = 2; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  function lower(text) { return (text || "").toLocaleLowerCase(); }
  function has(haystack, needle) { return !needle || lower(haystack).indexOf(lower(needle)) !== -1; }
  function money(cost) { return cost === null || cost === undefined ? "unknown" : "$" + cost.toFixed(4); }
  function articleLabel(article) { return article.headline || article.title || article.id; }

  /* -- the hash holds the tab, the filters, the sort and the page ------------------------------ */
  function readHash() {
    var hash = window.location.hash.replace(/^#/, "");
    var parts = hash.split("?");
    state.tab = ["articles", "actors", "concerns"].indexOf(parts[0]) !== -1 ? parts[0] : "articles";
    state.params = {};
    new URLSearchParams(parts[1] || "").forEach(function (value, key) { state.params[key] = value; });
    state.page = Math.max(0, Number(state.params.page || 1) - 1) || 0;
  }
  function writeHash() {
    var query = new URLSearchParams();
    Object.keys(state.params).sort().forEach(function (key) {
      if (key !== "page" && state.params[key]) { query.set(key, state.params[key]); }
    });
    if (state.page) { query.set("page", String(state.page + 1)); }
    var text = query.toString();
    history.replaceState(null, "", "#" + state.tab + (text ? "?" + text : ""));
  }
  function go(tab, params) {
    window.clearTimeout(typing);
    state.tab = tab; state.params = params || {}; state.page = 0; state.open = {};
    writeHash(); render(); view.focus();
  }

  /* -- the tables -------------------------------------------------------------------------------- */
  var tables = {
    articles: {
      needs: ["articles"],
      filters: [
        { key: "q", label: "Text", type: "search", placeholder: "headline, summary, id" },
        { key: "actor", label: "Actor", type: "search", placeholder: "a name" },
        { key: "kind", label: "Concern kind", type: "select", options: kinds },
        { key: "status", label: "Status", type: "select", options: ["ok", "failed", "missing", "changed"] }
      ],
      columns: [
        { key: "n", label: "#", value: function (r) { return r.n; }, numeric: true },
        { key: "headline", label: "Article", value: function (r) { return articleLabel(r); } },
        { key: "actors", label: "Actors", value: function (r) { return r.actors; }, numeric: true },
        { key: "concerns", label: "Concerns", value: function (r) { return r.concerns; }, numeric: true },
        { key: "status", label: "Status", value: function (r) { return r.status; } },
        { key: "cost", label: "Cost", value: function (r) { return r.cost === null ? -1 : r.cost; }, numeric: true }
      ],
      rows: function () { return rows.articles; },
      keep: function (r, p) {
        return (has(r.id + " " + (r.title || "") + " " + (r.headline || "") + " " + (r.summary || ""), p.q)) &&
          (!p.actor || has(r.names, p.actor) || r.ids.indexOf(p.actor) !== -1) &&
          (!p.actor_id || r.ids.indexOf(p.actor_id) !== -1) &&
          (!p.kind || r.kinds.indexOf(p.kind) !== -1) &&
          (!p.status || r.status === p.status);
      },
      cells: function (r) {
        var title = r.page
          ? el("a", { href: r.page }, articleLabel(r))
          : el("span", { "class": "undrawn" }, articleLabel(r));
        return [
          r.n + 1,
          [el("bdi", { dir: "auto" }, title),
            el("span", { "class": "sub" }, el("bdi", null, r.id), r.title && r.headline ? [" · ", el("bdi", null, r.title)] : null),
            r.problem ? el("span", { "class": "problem " + r.status }, r.problem) : null],
          r.actors, r.concerns,
          el("span", { "class": "badge " + r.status }, r.status),
          r.status === "failed" ? "—" : money(r.cost)
        ];
      }
    },
    actors: {
      needs: ["actors", "articles"],
      filters: [
        { key: "q", label: "Name", type: "search", placeholder: "a name or a role" },
        { key: "kind", label: "Kind", type: "select", options: ["person", "organization", "country", "government_body", "group", "other"] }
      ],
      columns: [
        { key: "name", label: "Actor", value: function (r) { return r.name; } },
        { key: "kind", label: "Kind", value: function (r) { return r.kind; } },
        { key: "articles", label: "Articles", value: function (r) { return r.articles.length; }, numeric: true, first: "desc" },
        { key: "concerns", label: "Concerns", value: function (r) { return r.concerns.length; }, numeric: true, first: "desc" },
        { key: "mentions", label: "Mentions", value: function (r) { return r.mentions; }, numeric: true, first: "desc" }
      ],
      rows: function () { return rows.actors; },
      keep: function (r, p) {
        return has(r.names.join(" ") + " " + r.roles.join(" ") + " " + r.id, p.q) && (!p.kind || r.kind === p.kind);
      },
      cells: function (r) {
        var open = !!state.open[r.id];
        return [
          [el("button", { type: "button", "class": "expand", "aria-expanded": open ? "true" : "false", "data-open": r.id },
            el("bdi", { "class": "name" }, r.name)),
            el("span", { "class": "sub" }, r.names.length > 1 ? ["also ", el("bdi", null, r.names.slice(1).join(" · "))] : null,
              r.roles.length ? [r.names.length > 1 ? " — " : "", el("bdi", null, r.roles.join(" · "))] : null)],
          r.kind.replace("_", " "), r.articles.length, r.concerns.length, r.mentions
        ];
      },
      detail: function (r) {
        if (!state.open[r.id]) { return null; }
        load("concerns");
        var articles = r.articles.slice(0, 20).map(function (n) {
          var a = rows.articles[n];
          if (!a) { return el("li", null, "…"); }
          return el("li", null, a.page ? el("a", { href: a.page }, el("bdi", { dir: "auto" }, articleLabel(a))) : el("bdi", { dir: "auto" }, articleLabel(a)));
        });
        var more = r.articles.length > 20
          ? el("button", { type: "button", "class": "link", "data-go": "articles", "data-actor": r.id }, "all " + r.articles.length + " articles")
          : null;
        var held = r.concerns.slice(0, 20).map(function (n) {
          var c = rows.concerns[n];
          if (!c) { return el("li", null, complete("concerns") ? "?" : "loading…"); }
          var a = rows.articles[c.article];
          return el("li", null, el("span", { "class": "kind" }, c.kind), " ", el("bdi", { dir: "auto" }, c.concern),
            a ? [" — ", a.page ? el("a", { href: a.page }, el("bdi", { dir: "auto" }, articleLabel(a))) : el("bdi", null, articleLabel(a))] : null);
        });
        var allConcerns = r.concerns.length > 20
          ? el("button", { type: "button", "class": "link", "data-go": "concerns", "data-actor": r.id }, "all " + r.concerns.length + " concerns")
          : null;
        return el("div", { "class": "detail" },
          el("div", null, el("h3", null, "In " + r.articles.length + " article" + (r.articles.length === 1 ? "" : "s")), el("ul", null, articles), more),
          el("div", null, el("h3", null, r.concerns.length + " stated concern" + (r.concerns.length === 1 ? "" : "s")),
            r.concerns.length ? el("ul", null, held) : el("p", { "class": "none" }, "None."), allConcerns));
      }
    },
    concerns: {
      needs: ["concerns", "articles"],
      filters: [
        { key: "holder", label: "Holder", type: "search", placeholder: "who" },
        { key: "kind", label: "Kind", type: "select", options: kinds },
        { key: "article", label: "Article", type: "search", placeholder: "headline or id" },
        { key: "q", label: "Text", type: "search", placeholder: "in the concern or quote" }
      ],
      columns: [
        { key: "holder", label: "Holder", value: function (r) { return r.holder; } },
        { key: "kind", label: "Kind", value: function (r) { return r.kind; } },
        { key: "concern", label: "Concern", value: function (r) { return r.concern; } },
        { key: "quote", label: "Quote", value: function (r) { return r.quote; } },
        { key: "article", label: "Article", value: function (r) { return r.article; }, numeric: true }
      ],
      rows: function () { return rows.concerns; },
      keep: function (r, p) {
        var a = rows.articles[r.article];
        return has(r.holder, p.holder) && (!p.kind || r.kind === p.kind) &&
          (!p.actor_id || r.actor === p.actor_id) &&
          (!p.article || (a && has(a.id + " " + (a.title || "") + " " + (a.headline || ""), p.article))) &&
          has(r.concern + " " + r.quote, p.q);
      },
      cells: function (r) {
        var a = rows.articles[r.article];
        return [
          el("bdi", { "class": "name" }, r.holder),
          el("span", { "class": "kind" }, r.kind),
          el("span", { dir: "auto" }, r.concern),
          el("q", { dir: "auto" }, r.quote),
          a ? (a.page ? el("a", { href: a.page }, el("bdi", { dir: "auto" }, articleLabel(a))) : el("bdi", null, articleLabel(a))) : "…"
        ];
      }
    }
  };

  function sorted(table, list) {
    var key = state.params.sort;
    var column = table.columns.filter(function (c) { return c.key === key; })[0];
    if (!column) { return list; }
    var sign = state.params.dir === "desc" ? -1 : 1;
    return list.slice().sort(function (a, b) {
      var x = column.value(a), y = column.value(b);
      var order = column.numeric ? x - y : collator.compare(String(x || ""), String(y || ""));
      return sign * order || (a.n - b.n);
    });
  }

  function filters(table) {
    var form = el("form", { "class": "filters", role: "search", "aria-label": "Filter the " + state.tab });
    table.filters.forEach(function (f) {
      var id = "f-" + f.key;
      var input;
      if (f.type === "select") {
        input = el("select", { id: id, name: f.key }, el("option", { value: "" }, "any"),
          f.options.map(function (o) { return el("option", { value: o, selected: state.params[f.key] === o }, o.replace("_", " ")); }));
      } else {
        input = el("input", { id: id, name: f.key, type: "search", placeholder: f.placeholder, value: state.params[f.key] || "", autocomplete: "off" });
      }
      form.appendChild(el("label", { "for": id }, f.label, input));
    });
    if (state.params.actor_id) {
      form.appendChild(el("span", { "class": "chip" }, "actor: ", el("bdi", null, state.params.actor_id), " ",
        el("button", { type: "button", "class": "link", "data-clear": "actor_id", "aria-label": "Remove the actor filter" }, "×")));
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    return form;
  }

  var shell = {};
  function render() {
    var table = tables[state.tab];
    table.needs.forEach(load);
    document.querySelectorAll(".tabs [role=tab]").forEach(function (tab) {
      tab.setAttribute("aria-selected", tab.id === "tab-" + state.tab ? "true" : "false");
    });
    var all = table.rows();
    var kept = all.filter(function (r) { return table.keep(r, state.params); });
    var list = sorted(table, kept);
    var pages = Math.max(1, Math.ceil(list.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var shown = list.slice(state.page * PAGE, state.page * PAGE + PAGE);
    var loading = table.needs.some(function (k) { return !complete(k); });
    var head = el("tr", null, table.columns.map(function (c) {
      var sort = state.params.sort === c.key ? (state.params.dir === "desc" ? "descending" : "ascending") : null;
      return el("th", { scope: "col", "aria-sort": sort }, el("button", { type: "button", "data-sort": c.key, "data-first": c.first || "asc" }, c.label,
        el("span", { "class": "arrow", "aria-hidden": "true" }, sort === "ascending" ? " ▲" : sort === "descending" ? " ▼" : "")));
    }));
    var body = el("tbody");
    shown.forEach(function (r) {
      var tr = el("tr", { "data-row": r.n });
      table.cells(r).forEach(function (cell) { tr.appendChild(el("td", null, cell)); });
      body.appendChild(tr);
      var detail = table.detail && table.detail(r);
      if (detail) { body.appendChild(el("tr", { "class": "detail-row" }, el("td", { colspan: table.columns.length }, detail))); }
    });
    var from = list.length ? state.page * PAGE + 1 : 0;
    var count = el("p", { "class": "count", role: "status" },
      list.length ? "Showing " + from.toLocaleString() + "–" + (from + shown.length - 1).toLocaleString() + " of " + list.length.toLocaleString() : "Nothing matches",
      list.length !== all.length ? " (of " + all.length.toLocaleString() + ")" : "",
      loading ? " · loading…" : "");
    var pager = el("div", { "class": "pager" },
      el("button", { type: "button", "data-page": "-1", disabled: state.page === 0 }, "← Previous"),
      " Page " + (state.page + 1) + " of " + pages + " ",
      el("button", { type: "button", "data-page": "1", disabled: state.page >= pages - 1 }, "Next →"));
    if (shell.tab !== state.tab || shell.params !== state.params) {
      // The filters are built once per tab, so that typing (an input method's composition
      // included) is never interrupted by a new field.
      var caption = { articles: "Articles", actors: "Actors across articles", concerns: "Who said what" }[state.tab];
      shell = { tab: state.tab, params: state.params, form: filters(table), count: el("div"), grid: el("div"), pager: el("div") };
      view.replaceChildren(el("h2", null, caption), shell.form, shell.count, shell.grid, shell.pager);
    }
    var chip = view.querySelector(".chip");
    if (chip && !state.params.actor_id) { chip.remove(); }
    var moving = document.activeElement && shell.grid.contains(document.activeElement)
      ? document.activeElement : null;
    var again = moving && (moving.getAttribute("data-sort") || moving.getAttribute("data-open"));
    shell.count.replaceChildren(count);
    shell.grid.replaceChildren(el("table", { "class": "grid " + state.tab }, el("thead", null, head), body));
    shell.pager.replaceChildren(pager);
    if (again) {
      var same = shell.grid.querySelector("[data-sort='" + again + "'], [data-open='" + again + "']");
      if (same) { same.focus(); }
    }
    document.body.setAttribute("data-ready", loading ? "loading" : state.tab);
  }

  function filtered(event) {
    var target = event.target;
    if (!target.name || !shell.form || !shell.form.contains(target) ||
        state.params[target.name] === target.value) { return; }
    state.params[target.name] = target.value;
    state.page = 0;
    window.clearTimeout(typing);
    typing = window.setTimeout(function () { writeHash(); render(); }, target.tagName === "SELECT" ? 0 : 120);
  }
  view.addEventListener("input", filtered);
  // A select says so with "change"; a text field's "change" (on blur) would come after the fact.
  view.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") { filtered(event); }
  });
  view.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.hasAttribute("data-sort")) {
      var key = button.getAttribute("data-sort");
      var first = button.getAttribute("data-first");
      if (state.params.sort === key) {
        state.params.dir = state.params.dir === "desc" ? "asc" : "desc";
      } else {
        state.params.sort = key; state.params.dir = first;
      }
      state.page = 0;
    } else if (button.hasAttribute("data-page")) {
      state.page += Number(button.getAttribute("data-page"));
    } else if (button.hasAttribute("data-open")) {
      var id = button.getAttribute("data-open");
      state.open[id] = !state.open[id];
    } else if (button.hasAttribute("data-go")) {
      go(button.getAttribute("data-go"), { actor_id: button.getAttribute("data-actor") });
      return;
    } else if (button.hasAttribute("data-clear")) {
      delete state.params[button.getAttribute("data-clear")];
      state.page = 0;
      button.parentNode.remove();
    } else {
      return;
    }
    writeHash(); render();
    if (button.hasAttribute("data-page")) {
      var pagerButton = view.querySelector("[data-page='" + button.getAttribute("data-page") + "']");
      if (pagerButton && !pagerButton.disabled) { pagerButton.focus(); }
    }
  });
  window.addEventListener("hashchange", function () { window.clearTimeout(typing); readHash(); render(); });
  document.querySelector(".tabs").addEventListener("click", function (event) {
    var tab = event.target.closest("[role=tab]");
    if (!tab) { return; }
    event.preventDefault();
    go(tab.getAttribute("href").slice(1));
  });
  readHash();
  render();
})();

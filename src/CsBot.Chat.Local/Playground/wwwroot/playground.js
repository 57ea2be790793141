// CsBot playground: a chat box over POST /api/local/ask and a feed of GET /api/local/messages, both drawn from the
// neutral ChatMessage JSON as cards with working buttons. Every piece of text goes in through textContent, never as
// HTML, so nothing an account name or a reason contains can run in the page.
"use strict";

(() => {
  const FEED_EVERY_MS = 3000;

  const chatLog = document.getElementById("chat-log");
  const askForm = document.getElementById("ask-form");
  const question = document.getElementById("question");
  const userName = document.getElementById("user-name");
  const userEmail = document.getElementById("user-email");
  const feedList = document.getElementById("feed-list");
  const feedFilter = document.getElementById("feed-filter");
  const feedStatus = document.getElementById("feed-status");

  // One conversation per page: follow-ups ("and initrode?", "show more") follow this page's last question.
  const session = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

  // Feed entries by message id: the JSON last drawn (to redraw only what changed) and the list item.
  const feed = new Map();
  const recipients = new Map();

  /** Creates an element; strings among the children become text nodes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "className") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function who() {
    return {
      user: userName.value.trim() || undefined,
      email: userEmail.value.trim() || undefined,
      session,
    };
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new Error((data && (data.detail || data.title)) || `${response.status} ${response.statusText}`);
    return data;
  }

  function scrollChat() {
    chatLog.scrollTop = chatLog.scrollHeight;
  }

  // ---- asking ----------------------------------------------------------------------------------------------------

  async function ask(text) {
    chatLog.append(el("li", { className: "you" }, el("span", {}, text)));
    const answer = el("li", { className: "bot" }, el("p", { className: "note" }, "CsBot is thinking\u2026"));
    chatLog.append(answer);
    scrollChat();
    try {
      const reply = await postJson("/api/local/ask", { text, ...who() });
      const answerCard = card(reply.message, {});
      answer.replaceChildren(answerCard);
      followWithPictures(answerCard, reply.message);
    } catch (error) {
      answer.replaceChildren(el("p", { className: "error" }, `Could not ask CsBot: ${error.message}`));
    }
    scrollChat();
  }

  askForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    question.value = "";
    question.focus();
    ask(text);
  });

  // ---- cards -----------------------------------------------------------------------------------------------------

  /**
   * Draws a ChatMessage. origin.feedId is set for a message the bot sent (the feed), so an action updates that
   * message on the server too; an answer in the chat is sent back as the original instead.
   */
  function card(message, origin) {
    const severity = message.severity ? String(message.severity).toLowerCase() : "none";
    const node = el("article", { className: `card severity-${severity}` });
    if (message.severity) node.append(el("span", { className: "severity" }, String(message.severity)));
    node.append(el("h3", {}, message.title));
    for (const section of message.sections || []) {
      const part = el("section");
      if (section.heading) part.append(el("h4", {}, section.heading));
      if (section.text) part.append(el("p", { className: "text" }, section.text));
      if (section.fields && section.fields.length > 0) {
        const list = el("dl");
        for (const field of section.fields) list.append(el("dt", {}, field.label), el("dd", {}, field.value));
        part.append(list);
      }
      if (section.actions && section.actions.length > 0) part.append(buttons(section.actions, message, origin, () => node));
      node.append(part);
    }
    if (message.actions && message.actions.length > 0) node.append(buttons(message.actions, message, origin, () => node));
    for (const line of message.context || []) node.append(el("p", { className: "context" }, line));
    const image = chart(message);
    if (image) node.append(image);
    return node;
  }

  /** The picture a message carries (a chart, PNG in base64), with its alt text stating the numbers; null without one. */
  function chart(message) {
    const picture = message.picture;
    if (!picture || !picture.png) return null;
    return el("img", {
      className: "chart",
      src: `data:image/png;base64,${picture.png}`,
      alt: picture.altText || message.title,
      width: String(picture.width),
      height: String(picture.height),
    });
  }

  /** The charts an answer names come after its text: each is drawn on the server and added to the bottom of the answer's card. */
  async function followWithPictures(answerCard, message) {
    for (const request of message.followedBy || []) {
      try {
        const query = new URLSearchParams({ kind: request.kind, subject: request.subject });
        const response = await fetch(`/api/local/pictures?${query}`, { headers: { accept: "application/json" } });
        if (!response.ok) continue;
        const image = chart(await response.json());
        if (image) answerCard.append(image);
        scrollChat();
      } catch {
        // The answer's text already states the numbers; a missing picture is not an error worth showing.
      }
    }
  }

  function buttons(actions, message, origin, cardNode) {
    const row = el("div", { className: "actions" });
    for (const action of actions) {
      const style = String(action.style || "Default").toLowerCase();
      const button = el("button", { type: "button", className: style === "default" ? "" : style }, action.label);
      button.addEventListener("click", () => press(action, message, origin, cardNode(), button));
      row.append(button);
    }
    return row;
  }

  /**
   * Every button goes to POST /api/local/actions, which answers it as Slack and Teams buttons are answered. A press
   * that asked a question (a "did you mean" choice, Why?) shows in the chat as if typed, with its answer; any other
   * press answers under its card, and redraws the card when the server updated it.
   */
  async function press(action, message, origin, cardNode, button) {
    button.disabled = true;
    const body = { kind: action.kind, value: action.value, ...who() };
    if (origin.feedId) body.messageId = origin.feedId;
    else body.original = message;
    let outcome;
    try {
      outcome = await postJson("/api/local/actions", body);
    } catch (error) {
      button.disabled = false;
      showReply(cardNode, null, `Could not press "${action.label}": ${error.message}`);
      return;
    }
    if (outcome.question) {
      button.disabled = false;
      chatLog.append(el("li", { className: "you" }, el("span", {}, outcome.question)), el("li", { className: "bot" }, card(outcome.reply.message, {})));
      scrollChat();
      return;
    }
    let target = cardNode;
    if (outcome.updated && outcome.updated.message) {
      // The card is redrawn from the updated message: the alert marked, its buttons gone.
      target = card(outcome.updated.message, origin);
      cardNode.replaceWith(target);
      if (origin.feedId && feed.has(origin.feedId)) feed.get(origin.feedId).json = JSON.stringify(outcome.updated.message);
    } else {
      button.disabled = false;
    }
    showReply(target, outcome.reply.message, null, !outcome.applied).focus();
  }

  function showReply(cardNode, message, errorText, refused) {
    cardNode.querySelector(":scope > .reply")?.remove();
    const note = el("div", { className: refused || errorText ? "reply refused" : "reply", role: "status", tabindex: "-1" });
    if (errorText) {
      note.append(el("p", { className: "error" }, errorText));
    } else {
      note.append(el("p", {}, el("strong", {}, message.title)));
      for (const section of message.sections || []) {
        if (section.text) note.append(el("p", {}, section.text));
      }
    }
    cardNode.append(note);
    return note;
  }

  // ---- the feed --------------------------------------------------------------------------------------------------

  async function refreshFeed() {
    try {
      const response = await fetch("/api/local/messages", { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const messages = await response.json();
      for (const sent of messages) showSent(sent);
      feedStatus.textContent = messages.length === 0
        ? "Nothing sent through the local chat yet: alerts appear after the first evaluation run (with Slack or Teams connected, they go there)."
        : `${messages.length} message${messages.length === 1 ? "" : "s"} to ${recipients.size} recipient${recipients.size === 1 ? "" : "s"}.`;
    } catch (error) {
      feedStatus.textContent = `Cannot reach CsBot (${error.message}); trying again.`;
    }
    setTimeout(refreshFeed, FEED_EVERY_MS);
  }

  function showSent(sent) {
    if (!sent.message) return;
    const json = JSON.stringify(sent.message);
    const known = feed.get(sent.id);
    if (known && known.json === json) return;
    addRecipient(sent.recipientKey, sent.recipient, sent.recipientKind);

    const where = sent.recipientKind === "Channel" ? "channel" : "direct message";
    const meta = el("div", { className: "feed-meta" },
      sent.threadOf ? "reply in thread \u00b7 " : "to ", el("strong", {}, sent.recipient), ` (${where}) \u00b7 `,
      el("time", { datetime: sent.at }, new Date(sent.at).toLocaleString()));
    if (sent.updatedAt) meta.append(" \u00b7 ", el("span", { className: "edited" }, "updated"));
    const item = el("li", { dataset: { recipient: sent.recipientKey, messageId: sent.id } }, meta, card(sent.message, { feedId: sent.id }));
    // Replies under a message (the "recovered" note, a repeat, a reminder) stay in its thread when it is redrawn.
    const thread = known ? known.thread : el("ol", { className: "thread", "aria-label": "Thread" });
    item.append(thread);
    const parent = sent.threadOf ? feed.get(sent.threadOf) : null;
    if (parent) {
      item.classList.add("reply");
      if (known) known.item.replaceWith(item);
      else parent.thread.append(item);
    } else {
      item.hidden = feedFilter.value !== "" && feedFilter.value !== sent.recipientKey;
      if (known) known.item.replaceWith(item);
      else feedList.prepend(item);
    }
    feed.set(sent.id, { json, item, thread });
  }

  function addRecipient(key, name, kind) {
    if (recipients.has(key)) return;
    recipients.set(key, name);
    const label = kind === "Channel" ? name : `${name} (${key})`;
    const options = [...feedFilter.options].slice(1);
    const next = options.find((o) => o.textContent.localeCompare(label) > 0);
    feedFilter.insertBefore(el("option", { value: key }, label), next || null);
  }

  feedFilter.addEventListener("change", () => {
    for (const { item } of feed.values()) {
      item.hidden = feedFilter.value !== "" && feedFilter.value !== item.dataset.recipient;
    }
  });

  refreshFeed();
})();

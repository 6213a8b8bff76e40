// The /chat page: gets an anonymous token from this bot and starts Web Chat over Direct Line (polling).
// Served as a separate file because the page's Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  var root = document.getElementById('webchat');
  var error = document.getElementById('chat-error');
  var nonceMeta = document.querySelector('meta[name="vpw-style-nonce"]');
  var nonce = nonceMeta ? nonceMeta.getAttribute('content') : undefined;
  var query = new URLSearchParams(window.location.search);
  var requested = query.get('lang') || navigator.language || 'nl';
  var locale = /^en/i.test(requested) ? 'en-US' : 'nl-NL';
  var domain = window.location.origin + '/v3/directline';

  function showError() {
    if (error) {
      error.hidden = false;
    }
  }

  if (!window.WebChat || !root) {
    showError();
    return;
  }

  document.documentElement.lang = locale.slice(0, 2);
  var css = window.getComputedStyle(document.documentElement);
  var primary = css.getPropertyValue('--chat-primary').trim() || '#2F5D62';

  // A character counter under the send box (issue 20): long stories are welcome; the bot reads the first
  // READ characters of one message and says so, and the chat takes at most MAX. Shown from SHOW_FROM on.
  var READ = 4000;
  var MAX = 20000;
  var SHOW_FROM = 500;
  var counter = document.getElementById('chat-counter');
  var format = new Intl.NumberFormat(locale);

  function describe(length) {
    var nl = locale === 'nl-NL';
    if (length > MAX) {
      return nl ? format.format(length) + ' tekens: dat is te lang om te versturen. Maak het korter of stuur het in delen.'
        : format.format(length) + ' characters: too long to send. Shorten it or send it in parts.';
    }

    if (length > READ) {
      return nl ? format.format(length) + ' tekens. Ik lees de eerste ' + format.format(READ) + '; stuur de rest gerust in een volgend bericht.'
        : format.format(length) + ' characters. I read the first ' + format.format(READ) + '; feel free to send the rest in another message.';
    }

    return format.format(length) + ' / ' + format.format(READ);
  }

  function watchLength() {
    if (!counter) {
      return;
    }

    function update() {
      var box = root.querySelector('textarea, input[type="text"]');
      var length = box ? (box.value || '').length : 0;
      counter.hidden = length < SHOW_FROM;
      counter.textContent = length < SHOW_FROM ? '' : describe(length);
      counter.classList.toggle('chat-counter-over', length > READ);
    }

    root.addEventListener('input', update);
    // Web Chat empties the box on send without an input event: look again right after Enter or a click on send, and,
    // while the counter shows, now and then.
    function soon() {
      window.setTimeout(update, 0);
      window.setTimeout(update, 100);
    }

    root.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        soon();
      }
    });
    root.addEventListener('click', soon);
    window.setInterval(function () {
      if (!counter.hidden) {
        update();
      }
    }, 250);
  }

  fetch(domain + '/tokens/generate', { method: 'POST', credentials: 'omit', cache: 'no-store' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('token ' + response.status);
      }

      return response.json();
    })
    .then(function (conversation) {
      var directLine = window.WebChat.createDirectLine({
        token: conversation.token,
        domain: domain,
        webSocket: false,
        pollingInterval: 1000,
        conversationStartProperties: { locale: locale }
      });

      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          locale: locale,
          nonce: nonce,
          // Web Chat's Dutch strings say "u" and "uw" (also what a screen reader reads out); we always say "je".
          overrideLocalizedStrings: locale === 'nl-NL'
            ? { TEXT_INPUT_PLACEHOLDER: 'Typ je bericht', ACTIVITY_YOU_SAID_ALT: 'Jij zei:', ACTIVITY_YOU_ATTACHED_ALT: 'Jij hebt bijgevoegd:' }
            : {},
          styleOptions: {
            accent: primary,
            primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
            backgroundColor: 'transparent',
            bubbleBackground: '#FFFFFF',
            bubbleBorderRadius: 8,
            bubbleFromUserBackground: primary,
            bubbleFromUserTextColor: '#FFFFFF',
            bubbleFromUserBorderRadius: 8,
            botAvatarInitials: 'VP',
            // Web Chat's grey timestamps have 4.1:1 on our background; WCAG AA asks 4.5:1 (axe-core in the e2e).
            timestampColor: '#595959',
            botAvatarBackgroundColor: primary,
            // A new card opens at its top, not scrolled to its end (issue 20): after each new activity the
            // transcript stops scrolling so that activity's first line is in view, on a phone too.
            autoScrollSnapOnActivity: true,
            autoScrollSnapOnActivityOffset: 8,
            autoScrollSnapOnPage: true,
            autoScrollSnapOnPageOffset: 8,
            sendBoxTextWrap: true,
            hideUploadButton: true,
            disableFileUpload: true,
            sendBoxButtonColor: primary,
            suggestedActionBorderColor: primary,
            suggestedActionTextColor: primary
          }
        },
        root
      );

      var input = root.querySelector('input, textarea');
      if (input) {
        input.focus();
      }

      watchLength();
    })
    .catch(showError);
})();

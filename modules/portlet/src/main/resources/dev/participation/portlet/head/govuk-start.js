// Starts GOV.UK Frontend's components inside the participation widgets only, never on the rest of
// the portal's page. A module script: browsers GOV.UK Frontend does not support skip it and keep
// the widgets as they are without script, which work in full.
const govuk = document.querySelector('script[data-govuk-frontend]').dataset.govukFrontend

import(govuk).then(({ initAll }) => {
  const start = () => {
    // GOV.UK Frontend runs only where body carries this class; the stylesheet reads it only
    // together with the widget's wrapper, so the theme is not restyled by it.
    document.body.classList.add('govuk-frontend-supported')
    for (const widget of document.querySelectorAll('.participation-widget:not([data-govuk-started])')) {
      widget.setAttribute('data-govuk-started', '')
      initAll({ scope: widget })
    }
  }
  start()
  // Liferay's single-page navigation replaces the page's portlets without loading this again.
  if (window.Liferay && typeof window.Liferay.on === 'function') {
    window.Liferay.on('endNavigate', start)
  }
})

// Loaded as a module, so it runs only in browsers GOV.UK Frontend supports; older ones keep the
// pages as they are without script, which work in full. An external file because the
// Content-Security-Policy forbids inline script.
import { initAll } from '../govuk/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()

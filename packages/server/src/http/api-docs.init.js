// Starts Swagger UI on /api/docs (api-docs.ts). A file rather than an inline script, so the page's
// Content-Security-Policy allows scripts from 'self' only. The document's address comes from the page.
const root = document.getElementById('swagger-ui');
window.ui = window.SwaggerUIBundle({
  url: root.dataset.url,
  domNode: root,
  deepLinking: true,
  // The default sends the document to validator.swagger.io for a badge: nothing leaves the studio.
  validatorUrl: null,
});

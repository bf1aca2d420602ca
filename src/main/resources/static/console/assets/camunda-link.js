/*
 * The link back to the Cordon console in the header of Camunda's Tasklist, Cockpit and Admin, loaded as a custom
 * script by each app's scripts/config.js. AngularJS redraws the header (sign-in, sign-out, changing app), so the link
 * is put back whenever the header is drawn without it.
 */
const CONSOLE = new URL('../../console', import.meta.url).pathname;

function addLink() {
  const menu = document.querySelector('[cam-widget-header] .app-menu > ul');
  if (!menu || menu.querySelector('li.cordon-console')) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'cordon-console-link';
  link.href = CONSOLE;
  link.textContent = 'Cordon console';
  const item = document.createElement('li');
  item.className = 'cordon-console';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

new MutationObserver(addLink).observe(document.body, { childList: true, subtree: true });
addLink();

export default [];

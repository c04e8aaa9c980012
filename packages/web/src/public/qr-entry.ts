import ApartmentOutlined from '@ant-design/icons-svg/es/asn/ApartmentOutlined';
import BorderOutlined from '@ant-design/icons-svg/es/asn/BorderOutlined';
import HomeOutlined from '@ant-design/icons-svg/es/asn/HomeOutlined';
import LoginOutlined from '@ant-design/icons-svg/es/asn/LoginOutlined';
import PhoneOutlined from '@ant-design/icons-svg/es/asn/PhoneOutlined';
import SafetyCertificateFilled from '@ant-design/icons-svg/es/asn/SafetyCertificateFilled';
import UserOutlined from '@ant-design/icons-svg/es/asn/UserOutlined';
import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types';
import type { PublicHousehold } from '@fengqiao/shared';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n/language-key';
import { QR_LANGUAGES, QR_MESSAGES, type QrLanguage, type QrMessages } from './qr-messages';
import './qr.css';

/**
 * `/h/:code`, what a door plate's QR code opens for anyone the server does not send on to the
 * household file: who looks after the grid and how to reach them, never who lives there. Plain DOM,
 * no framework: villagers open it on phones on weak signal (budget: 60 kB gzip in all).
 */

const CODE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Set by the server: a stranger, a signed-in staff member, or one who may read households but not this one. */
type Viewer = 'stranger' | 'staff' | 'not-yours';

type View =
  | { kind: 'loading' }
  | { kind: 'public'; info: PublicHousehold }
  | { kind: 'invalid' }
  | { kind: 'error'; detail: string | null };

type Child = Node | string | null | false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

function svg(node: AbstractNode): SVGElement {
  const out = document.createElementNS('http://www.w3.org/2000/svg', node.tag);
  for (const [name, value] of Object.entries(node.attrs)) out.setAttribute(name, value);
  // Some icons carry an empty <style>: drawn, it is an inline style the page's policy refuses.
  for (const child of node.children ?? []) if (child.tag !== 'style') out.append(svg(child));
  return out;
}

function icon(definition: IconDefinition): HTMLElement {
  const tree =
    typeof definition.icon === 'function' ? definition.icon('currentColor', '#e6f4ff') : definition.icon;
  const image = svg(tree);
  image.setAttribute('aria-hidden', 'true');
  return el('span', { class: 'fq-qr-icon' }, image);
}

function readViewer(): Viewer {
  const value = document.querySelector('meta[name="fengqiao-viewer"]')?.getAttribute('content');
  return value === 'staff' || value === 'not-yours' ? value : 'stranger';
}

function readLanguage(): QrLanguage {
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage may be unavailable (private mode): Chinese
  }
  return 'zh-CN';
}

function row(iconOf: IconDefinition, label: string, value: Child, testId: string): HTMLElement {
  return el(
    'div',
    { class: 'fq-qr-row' },
    icon(iconOf),
    el(
      'div',
      {},
      el('div', { class: 'fq-qr-label' }, label),
      el('div', { class: 'fq-qr-value', 'data-testid': testId }, value),
    ),
  );
}

function notice(kind: 'info' | 'success' | 'warning' | 'error', text: string, detail?: string | null) {
  return el(
    'div',
    { class: `fq-qr-notice fq-qr-notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('strong', {}, text),
    detail ? el('div', {}, detail) : null,
  );
}

async function loadPublicHousehold(code: string): Promise<View> {
  try {
    const response = await fetch(`/api/v1/public/households/${encodeURIComponent(code)}`, {
      headers: { accept: 'application/json', 'accept-language': document.documentElement.lang },
    });
    if (response.ok) return { kind: 'public', info: (await response.json()) as PublicHousehold };
    if (response.status === 404 || response.status === 400) return { kind: 'invalid' };
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    return { kind: 'error', detail: problem?.detail ?? null };
  } catch {
    return { kind: 'error', detail: null };
  }
}

function start(root: HTMLElement) {
  const code = decodeURIComponent(window.location.pathname.replace(/^\/h\//, '').replace(/\/$/, ''));
  const viewer = readViewer();
  let language = readLanguage();
  let view: View = { kind: 'loading' };

  function load() {
    if (!CODE_PATTERN.test(code)) {
      show({ kind: 'invalid' });
      return;
    }
    show({ kind: 'loading' });
    void loadPublicHousehold(code).then(show);
  }

  function show(next: View) {
    view = next;
    render(QR_MESSAGES[language]);
  }

  function languageSwitch(m: QrMessages): HTMLElement {
    const group = el('div', { class: 'fq-qr-lang', role: 'group', 'aria-label': m.language });
    for (const lng of QR_LANGUAGES) {
      const button = el(
        'button',
        { type: 'button', 'aria-pressed': String(lng === language), lang: lng },
        lng === 'zh-CN' ? '中文' : 'English',
      );
      button.addEventListener('click', () => {
        language = lng;
        try {
          localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
        } catch {
          // the choice lasts for this page only
        }
        render(QR_MESSAGES[language]);
      });
      group.append(button);
    }
    return group;
  }

  function body(m: QrMessages): Child[] {
    if (view.kind === 'loading') return [el('p', { class: 'fq-qr-loading' }, m.loading)];
    if (view.kind === 'invalid') return [notice('warning', m.invalid, m.invalidDetail)];
    if (view.kind === 'error') {
      const retry = el('button', { type: 'button', class: 'fq-qr-button' }, m.retry);
      retry.addEventListener('click', load);
      return [notice('error', m.loadFailed, view.detail ?? m.loadFailedDetail), retry];
    }
    const { info } = view;
    const phone = info.officerPhone
      ? el('a', { href: `tel:${info.officerPhone}` }, info.officerPhone)
      : m.notAssigned;
    return [
      viewer === 'not-yours' ? notice('info', m.notYours) : null,
      row(ApartmentOutlined, m.community, info.community, 'qr-community'),
      row(BorderOutlined, m.grid, info.gridName ?? m.gridPending, 'qr-grid'),
      row(UserOutlined, m.officer, info.officerName ?? m.notAssigned, 'qr-officer'),
      row(PhoneOutlined, m.officerPhone, phone, 'qr-officer-phone'),
      row(HomeOutlined, m.station, info.stationName ?? m.notAssigned, 'qr-station'),
      notice('success', m.contact),
    ];
  }

  function action(m: QrMessages): HTMLElement | null {
    if (view.kind === 'loading') return null;
    if (viewer !== 'stranger')
      return el('a', { class: 'fq-qr-button', href: '/', 'data-testid': 'qr-home' }, m.backHome);
    const next = encodeURIComponent(`/h/${code}`);
    return el(
      'a',
      { class: 'fq-qr-button fq-qr-button-primary', href: `/login?next=${next}`, 'data-testid': 'qr-login' },
      icon(LoginOutlined),
      m.staffLogin,
    );
  }

  function render(m: QrMessages) {
    document.documentElement.lang = language;
    document.title = m.title;
    root.dataset.view = view.kind;
    root.replaceChildren(
      el('div', { class: 'fq-qr-top' }, languageSwitch(m)),
      el(
        'header',
        { class: 'fq-qr-brand' },
        icon(SafetyCertificateFilled),
        el('h1', {}, m.title),
        el('p', {}, m.subtitle),
      ),
      el('section', { class: 'fq-qr-card' }, ...body(m), action(m)),
      el('p', { class: 'fq-qr-footer' }, m.privacy),
    );
  }

  load();
}

const root = document.getElementById('qr');
if (root) start(root);

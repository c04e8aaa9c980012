/** The door plate page's own strings: it loads without the app and its catalogues. */
const zhCN = {
  title: '枫桥警务 · 平安门牌',
  subtitle: '一户一码 · 有事找网格民警',
  loading: '正在加载…',
  community: '社区/村',
  grid: '网格',
  gridPending: '待划分网格',
  officer: '责任民警',
  officerPhone: '警务电话',
  station: '所属派出所',
  notAssigned: '待分配',
  contact: '反映问题请联系网格民警',
  staffLogin: '工作人员登录',
  backHome: '返回首页',
  notYours: '该门牌不在您的管辖范围内，仅显示公开信息。',
  invalid: '门牌无效',
  invalidDetail: '该二维码不是有效的门牌，或已停用。',
  loadFailed: '加载失败',
  loadFailedDetail: '网络不畅或服务暂不可用，请稍后重试。',
  retry: '重试',
  privacy: '本页面不显示任何住户个人信息。',
  language: '语言',
};

export type QrMessages = typeof zhCN;

const en: QrMessages = {
  title: 'Fengqiao Police · Safe Home Plate',
  subtitle: 'One home, one code · your grid officer is here to help',
  loading: 'Loading…',
  community: 'Community',
  grid: 'Grid',
  gridPending: 'Grid to be assigned',
  officer: 'Responsible officer',
  officerPhone: 'Work phone',
  station: 'Police station',
  notAssigned: 'To be assigned',
  contact: 'To report a problem, contact your grid officer',
  staffLogin: 'Staff sign-in',
  backHome: 'Back to home',
  notYours: 'This plate is outside your area; only public information is shown.',
  invalid: 'Invalid door plate',
  invalidDetail: 'This QR code is not a valid door plate, or it is no longer in use.',
  loadFailed: 'Failed to load',
  loadFailedDetail: 'The network or the service is unavailable; please try again shortly.',
  retry: 'Retry',
  privacy: 'This page shows no personal information about residents.',
  language: 'Language',
};

export const QR_LANGUAGES = ['zh-CN', 'en'] as const;
export type QrLanguage = (typeof QR_LANGUAGES)[number];

export const QR_MESSAGES: Record<QrLanguage, QrMessages> = { 'zh-CN': zhCN, en };

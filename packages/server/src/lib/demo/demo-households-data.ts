// Word lists for the demo household register. Local surnames come from demo-names.ts; the given names
// there carry no sex or era, so the pools below sort them (plus more) by both, so that a grandmother
// is not called 子轩 and a toddler is not called 建国.

/** Natural hamlets (自然村) that a village address uses bare, e.g. 上宅 12号. */
export const VILLAGE_HAMLETS = [
  '上宅',
  '下宅',
  '中宅',
  '里宅',
  '外宅',
  '后山',
  '塘头',
  '溪边',
  '山脚',
  '桥头',
  '畈上',
  '岭下',
  '新屋',
  '老屋',
  '王家坞',
  '楼家',
  '竹园',
  '石门',
] as const;

/** Village lanes, written after the village name, e.g. 枫源村新村路 12号. */
export const VILLAGE_ROADS = [
  '新村路',
  '中心路',
  '文化路',
  '溪滨路',
  '大桥路',
  '工业路',
  '农贸路',
  '学校路',
  '祠堂路',
  '枫溪路',
] as const;

/** Town streets of the 社区, apartment addresses, e.g. 枫江路 3幢 2单元 501室. */
export const TOWN_ROADS = [
  '枫江路',
  '枫桥大道',
  '和平路',
  '新民街',
  '文化路',
  '学勤路',
  '永宁街',
  '光明路',
  '人民路',
  '解放路',
  '建设路',
  '东风路',
  '新华路',
  '友谊路',
  '振兴大道',
  '育才路',
  '惠民街',
  '安居路',
  '迎宾大道',
  '幸福路',
  '长安街',
  '兴业路',
  '青年路',
  '丰收路',
  '同心路',
  '花园路',
  '滨江路',
  '枫源路',
] as const;

/** Surnames common where most migrant workers in Zhuji come from (Anhui, Jiangxi, Guizhou). */
export const MIGRANT_SURNAMES = [
  '李',
  '王',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '吴',
  '周',
  '徐',
  '罗',
  '龙',
  '朱',
  '胡',
  '汪',
  '程',
  '余',
  '潘',
  '赵',
  '何',
] as const;

/** Given names by sex and generation: old = born before ~1965, middle = ~1965–2003, young = after. */
export const GIVEN_NAMES_BY_ERA = {
  male: {
    old: [
      '建国',
      '国平',
      '金水',
      '炳坤',
      '永良',
      '忠良',
      '振华',
      '土根',
      '松林',
      '德明',
      '长根',
      '福祥',
      '水根',
      '荣华',
      '关法',
      '阿木',
    ],
    middle: [
      '海峰',
      '晓东',
      '志强',
      '立新',
      '伟',
      '军',
      '宏伟',
      '明辉',
      '建华',
      '伟东',
      '林峰',
      '文斌',
      '国强',
      '建军',
      '卫东',
      '剑锋',
      '杰',
      '勇',
      '斌',
      '海军',
    ],
    young: [
      '浩然',
      '子轩',
      '俊杰',
      '宇航',
      '一鸣',
      '浩宇',
      '博文',
      '睿',
      '思远',
      '子豪',
      '皓轩',
      '宇轩',
      '天佑',
      '晨阳',
      '梓睿',
      '奕辰',
    ],
  },
  female: {
    old: [
      '秀英',
      '美华',
      '雪芬',
      '彩娟',
      '月娥',
      '杏娟',
      '桂英',
      '秀娣',
      '菊仙',
      '凤仙',
      '彩凤',
      '金娣',
      '玉兰',
      '阿香',
      '根娣',
      '小花',
    ],
    middle: [
      '丽娟',
      '春燕',
      '红梅',
      '静',
      '晓燕',
      '慧敏',
      '亚萍',
      '丹丹',
      '丽萍',
      '燕',
      '芳',
      '丽君',
      '海燕',
      '素娟',
      '红英',
      '梦婷',
    ],
    young: [
      '雨萱',
      '佳怡',
      '欣怡',
      '诗涵',
      '子涵',
      '可馨',
      '梓萱',
      '思琪',
      '雨欣',
      '语嫣',
      '一诺',
      '若汐',
      '欣妍',
      '佳琪',
      '梦瑶',
      '芷若',
    ],
  },
} as const;

/** 诸暨市: the region code of every 户籍 resident. */
export const LOCAL_REGION_CODE = '330681';

/** Home counties of 流动人口: other Zhejiang counties and the usual source provinces. */
export const MIGRANT_REGION_CODES = [
  '330327', // 浙江 苍南县
  '331082', // 浙江 临海市
  '330781', // 浙江 兰溪市
  '330825', // 浙江 龙游县
  '341221', // 安徽 临泉县
  '341222', // 安徽 太和县
  '341623', // 安徽 利辛县
  '342221', // 安徽 砀山县
  '340822', // 安徽 怀宁县
  '361128', // 江西 鄱阳县
  '361127', // 江西 余干县
  '360428', // 江西 都昌县
  '360726', // 江西 安远县
  '522425', // 贵州 织金县
  '522426', // 贵州 纳雍县
  '522422', // 贵州 大方县
  '522327', // 贵州 册亨县
] as const;

/** Zhejiang codes other than Zhuji: where a 寄住 relative may come from. */
export const ZHEJIANG_REGION_CODES = MIGRANT_REGION_CODES.slice(0, 4);

export const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '157',
  '158',
  '159',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
] as const;

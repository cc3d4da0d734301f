import type { Weighted } from './prng';

/** A place a synthetic organisation can be based in; `zh` and `it` are local spellings. */
export interface Place {
  region: string;
  city: string;
  zh: string;
  it: string;
  /** Trunk prefix for a plausible-looking phone number. */
  phone: string;
}

const it = (region: string, cities: Array<[string, string]>): Place[] =>
  cities.map(([city, zh]) => ({ region, city, zh, it: city, phone: '+39 0' }));
const cn = (region: string, cities: Array<[string, string]>): Place[] =>
  cities.map(([city, zh]) => ({ region, city, zh, it: city, phone: '+86 ' }));

/** Italian fashion and furniture districts, by region (English region names, as in the directory). */
export const ITALIAN_PLACES: Place[] = [
  ...it('Lombardy', [['Milano', '米兰'], ['Como', '科莫'], ['Bergamo', '贝加莫'], ['Varese', '瓦雷泽'], ['Brescia', '布雷西亚'], ['Castel Goffredo', '卡斯特尔戈弗雷多']]),
  ...it('Tuscany', [['Prato', '普拉托'], ['Firenze', '佛罗伦萨'], ['Arezzo', '阿雷佐'], ['Empoli', '恩波利'], ['Santa Croce sull\'Arno', '圣克罗切']]),
  ...it('Veneto', [['Vicenza', '维琴察'], ['Treviso', '特雷维索'], ['Padova', '帕多瓦'], ['Verona', '维罗纳'], ['Montebelluna', '蒙泰贝卢纳']]),
  ...it('Piedmont', [['Biella', '比耶拉'], ['Torino', '都灵'], ['Novara', '诺瓦拉']]),
  ...it('Emilia-Romagna', [['Carpi', '卡尔皮'], ['Bologna', '博洛尼亚'], ['Modena', '摩德纳'], ['Rimini', '里米尼']]),
  ...it('Marche', [['Fermo', '费尔莫'], ['Civitanova Marche', '奇维塔诺瓦马尔凯'], ['Macerata', '马切拉塔'], ['Ancona', '安科纳']]),
  ...it('Campania', [['Napoli', '那不勒斯'], ['Solofra', '索洛弗拉'], ['San Giuseppe Vesuviano', '圣朱塞佩维苏维亚诺']]),
  ...it('Apulia', [['Bari', '巴里'], ['Barletta', '巴列塔'], ['Putignano', '普蒂尼亚诺']]),
  ...it('Friuli-Venezia Giulia', [['Manzano', '曼扎诺'], ['Udine', '乌迪内']]),
];

/** Chinese textile, apparel and furniture clusters, by province. */
export const CHINESE_PLACES: Place[] = [
  ...cn('Zhejiang', [['Hangzhou', '杭州'], ['Shaoxing', '绍兴'], ['Ningbo', '宁波'], ['Huzhou', '湖州'], ['Jiaxing', '嘉兴'], ['Tongxiang', '桐乡'], ['Haining', '海宁'], ['Wenzhou', '温州'], ['Zhuji', '诸暨']]),
  ...cn('Jiangsu', [['Suzhou', '苏州'], ['Changshu', '常熟'], ['Wuxi', '无锡'], ['Nantong', '南通'], ['Wujiang', '吴江']]),
  ...cn('Guangdong', [['Guangzhou', '广州'], ['Shenzhen', '深圳'], ['Dongguan', '东莞'], ['Foshan', '佛山'], ['Shantou', '汕头']]),
  ...cn('Fujian', [['Jinjiang', '晋江'], ['Quanzhou', '泉州'], ['Xiamen', '厦门'], ['Shishi', '石狮'], ['Putian', '莆田']]),
  ...cn('Shandong', [['Qingdao', '青岛'], ['Yantai', '烟台'], ['Weifang', '潍坊']]),
  ...cn('Shanghai', [['Shanghai', '上海']]),
  ...cn('Inner Mongolia', [['Ordos', '鄂尔多斯'], ['Baotou', '包头'], ['Hohhot', '呼和浩特']]),
  ...cn('Hebei', [['Qinghe', '清河'], ['Baoding', '保定'], ['Xiongxian', '雄县']]),
  ...cn('Beijing', [['Beijing', '北京']]),
];

export const OTHER_PLACES: Record<string, Place[]> = {
  DE: [
    { region: 'Bavaria', city: 'München', zh: '慕尼黑', it: 'Monaco di Baviera', phone: '+49 ' },
    { region: 'North Rhine-Westphalia', city: 'Düsseldorf', zh: '杜塞尔多夫', it: 'Düsseldorf', phone: '+49 ' },
  ],
  FR: [
    { region: 'Île-de-France', city: 'Paris', zh: '巴黎', it: 'Parigi', phone: '+33 ' },
    { region: 'Auvergne-Rhône-Alpes', city: 'Lyon', zh: '里昂', it: 'Lione', phone: '+33 ' },
  ],
  ES: [
    { region: 'Catalonia', city: 'Barcelona', zh: '巴塞罗那', it: 'Barcellona', phone: '+34 ' },
    { region: 'Galicia', city: 'A Coruña', zh: '拉科鲁尼亚', it: 'La Coruña', phone: '+34 ' },
  ],
  HK: [{ region: 'Hong Kong', city: 'Hong Kong', zh: '香港', it: 'Hong Kong', phone: '+852 ' }],
  PT: [{ region: 'Norte', city: 'Porto', zh: '波尔图', it: 'Porto', phone: '+351 ' }],
  GB: [{ region: 'England', city: 'London', zh: '伦敦', it: 'Londra', phone: '+44 ' }],
  US: [{ region: 'New York', city: 'New York', zh: '纽约', it: 'New York', phone: '+1 ' }],
};

export const COUNTRY_WEIGHTS: Weighted<string> = [
  ['IT', 46], ['CN', 40], ['DE', 3], ['FR', 3], ['ES', 2], ['HK', 3], ['PT', 1], ['GB', 1], ['US', 1],
];

export const ITALIAN_SURNAMES = [
  'Rossi', 'Bianchi', 'Colombo', 'Ferrari', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti',
  'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana',
  'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone', 'Longo',
  'Gentile', 'Martinelli', 'Vitale', 'Serra', 'Coppola', 'De Santis', 'Marchetti', 'Parisi',
  'Villa', 'Cattaneo', 'Pellegrini', 'Sala', 'Fabbri', 'Benedetti', 'Bernardi', 'Zanetti', 'Gatti',
];

/** Chinese trade names with their pinyin, used as the distinctive part of company names. */
export const CHINESE_BRANDS: Array<[string, string]> = [
  ['恒丰', 'Hengfeng'], ['华美', 'Huamei'], ['金鹰', 'Jinying'], ['永兴', 'Yongxing'], ['鸿达', 'Hongda'],
  ['天虹', 'Tianhong'], ['瑞丰', 'Ruifeng'], ['东方', 'Dongfang'], ['海天', 'Haitian'], ['锦华', 'Jinhua'],
  ['佳丽', 'Jiali'], ['盛泰', 'Shengtai'], ['宏远', 'Hongyuan'], ['飞跃', 'Feiyue'], ['三环', 'Sanhuan'],
  ['蓝天', 'Lantian'], ['嘉禾', 'Jiahe'], ['新锐', 'Xinrui'], ['百川', 'Baichuan'], ['云裳', 'Yunshang'],
  ['雅韵', 'Yayun'], ['明珠', 'Mingzhu'], ['凯旋', 'Kaixuan'], ['富华', 'Fuhua'], ['长青', 'Changqing'],
  ['瑞祥', 'Ruixiang'], ['德盛', 'Desheng'], ['鼎立', 'Dingli'], ['合力', 'Heli'], ['振华', 'Zhenhua'],
  ['丝路', 'Silu'], ['锦绣', 'Jinxiu'], ['润泽', 'Runze'], ['晨光', 'Chenguang'], ['银河', 'Yinhe'],
];

export const OTHER_SURNAMES: Record<string, string[]> = {
  DE: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner'],
  FR: ['Martin', 'Bernard', 'Dubois', 'Laurent', 'Moreau', 'Lefèvre'],
  ES: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero'],
  HK: ['Chan', 'Wong', 'Leung', 'Cheung', 'Lau', 'Ho'],
  PT: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa'],
  GB: ['Smith', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Hughes'],
  US: ['Johnson', 'Miller', 'Davis', 'Anderson', 'Clark', 'Lewis'],
};

export const LEGAL_FORMS: Record<string, Weighted<string>> = {
  IT: [['S.r.l.', 70], ['S.p.A.', 15], ['S.n.c.', 8], ['S.a.s.', 7]],
  CN: [['Co., Ltd.', 85], ['Group Co., Ltd.', 10], ['Trading Co., Ltd.', 5]],
  DE: [['GmbH', 1]],
  FR: [['SAS', 1]],
  ES: [['S.L.', 1]],
  HK: [['Limited', 1]],
  PT: [['Lda.', 1]],
  GB: [['Ltd', 1]],
  US: [['LLC', 1]],
};

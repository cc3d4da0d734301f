import type { OpportunityType } from '../../../contracts/opportunity';
import type { OrganisationKind } from '../../../contracts/organisation';

export type Lang = 'it' | 'zh' | 'en';
type Templates = Record<Lang, string[]>;

/** Replaces `{slot}` with its value; every slot used by a template must be given. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    if (v === undefined) throw new Error(`synthetic text: no value for {${k}}`);
    return String(v);
  });
}

type Family = 'maker' | 'service' | 'education' | 'cluster';

export function familyOf(kind: OrganisationKind): Family {
  if (kind === 'company') return 'maker';
  if (kind === 'academy') return 'education';
  if (kind === 'district' || kind === 'science_park') return 'cluster';
  return 'service';
}

/** Organisation descriptions: two sentences drawn from these, in the organisation's languages. */
export const DESCRIPTION_OPENINGS: Record<Family, Templates> = {
  maker: {
      it: [
        '{name} produce {goods} a {cityIt} dal {year}.',
        'Azienda a conduzione familiare specializzata in {goods} e {goods2}, con sede a {cityIt}.',
        'Dal {year} realizziamo {goods} per conto terzi e con marchio proprio.',
        'Specialisti in {goods}: campionatura rapida, piccoli lotti e consegne puntuali da {cityIt}.',
        'Fondata nel {year}, {name} è un punto di riferimento per {goods} nel distretto di {cityIt}.',
      ],
      zh: [
        '{name}成立于{year}年，位于{cityZh}，专业生产{goods}。',
        '我们专注于{goods}和{goods2}的研发与生产。',
        '公司位于{cityZh}产业集群，是一家{goods}生产企业。',
        '{cityZh}{goods}制造商，拥有完整的供应链和自有工厂。',
        '主营{goods}，自{year}年起出口欧洲和北美。',
      ],
      en: [
        '{name} has made {goods} in {city} since {year}.',
        'Family-run manufacturer of {goods} and {goods2}, based in {city}.',
        'We design and produce {goods} for brands in Europe and Asia.',
        'Specialist in {goods}, with fast sampling and small minimum orders.',
      ],
    },
    service: {
      it: [
        '{name} offre servizi di {goods} alle imprese della moda dal {year}.',
        'Studio con sede a {cityIt} specializzato in {goods} e {goods2}.',
        'Affianchiamo marchi italiani e cinesi: {goods}, {goods2}.',
      ],
      zh: [
        '{name}成立于{year}年，为时尚企业提供{goods}服务。',
        '总部位于{cityZh}，专注于{goods}和{goods2}。',
        '我们为中意两国品牌提供{goods}服务。',
      ],
      en: [
        '{name} has offered {goods} to fashion businesses since {year}.',
        'A {city} team specialised in {goods} and {goods2}.',
        'We support Italian and Chinese brands with {goods}.',
      ],
    },
    education: {
      it: [
        '{name} forma professionisti della moda a {cityIt} dal {year}.',
        'Corsi triennali e master in {goods} e {goods2}.',
        'Scuola di alta formazione in {goods}, con laboratori e stage in azienda.',
      ],
      zh: [
        '{name}创办于{year}年，位于{cityZh}，培养时尚行业专业人才。',
        '开设{goods}和{goods2}本科及硕士课程。',
        '专注{goods}教育，拥有实验室并与企业合作实习。',
      ],
      en: [
        '{name} has trained fashion professionals in {city} since {year}.',
        'Degree and master programmes in {goods} and {goods2}.',
        'A school for {goods}, with workshops and company placements.',
      ],
    },
    cluster: {
      it: [
        '{name} riunisce imprese di {goods} del territorio di {cityIt}.',
        'Il distretto conta circa {count} imprese attive in {goods} e {goods2}.',
        'Polo di riferimento per {goods} con servizi comuni per le imprese associate.',
      ],
      zh: [
        '{name}汇聚了{cityZh}地区的{goods}企业。',
        '集群内约有{count}家从事{goods}和{goods2}的企业。',
        '{goods}产业的重要基地，为入驻企业提供公共服务。',
      ],
      en: [
        '{name} brings together {goods} firms around {city}.',
        'About {count} firms work in {goods} and {goods2} here.',
        'A hub for {goods} with shared services for member firms.',
      ],
  },
};

/** Closing sentences for organisation descriptions; makers get production details. */
export const DESCRIPTION_DETAILS: Record<'maker' | 'other', Templates> = {
  other: {
    it: ['Lavoriamo con partner in {markets} paesi.', 'Team che parla inglese e cinese.', 'Organizziamo incontri B2B e missioni in Cina e in Italia.'],
    zh: ['与{markets}个国家的伙伴合作。', '团队可用英语和意大利语沟通。', '组织中意两国的B2B对接和商务考察。'],
    en: ['We work with partners in {markets} countries.', 'Our team speaks English, Italian and Chinese.', 'We organise B2B meetings and missions in China and Italy.'],
  },
  maker: {
    it: [
      'Certificazione {cert}.',
      'Esportiamo in {markets} paesi e cerchiamo partner in Cina.',
      'Capacità produttiva di circa {capacity} pezzi al mese.',
      'Filiera corta e controllo qualità interno.',
      'Cerchiamo distributori e partner produttivi in Asia.',
      'Team commerciale che parla inglese e cinese.',
    ],
    zh: [
      '拥有{cert}认证。',
      '产品远销{markets}个国家，欢迎意大利品牌合作。',
      '月产能约{capacity}件，可承接OEM/ODM订单。',
      '希望拓展意大利及欧盟市场的跨境电商渠道。',
      '寻求与意大利设计师及品牌的长期合作。',
      '拥有专业外贸团队，可用英语和意大利语沟通。',
    ],
    en: [
      'Certified {cert}.',
      'We export to {markets} countries and look for partners in China and Italy.',
      'Capacity of about {capacity} pieces a month.',
      'Short supply chain with in-house quality control.',
      'Open to distribution and manufacturing partnerships.',
    ],
  },
};

/** Opportunity titles by type and direction; {goods} is one of the organisation's goods. */
export const OPPORTUNITY_TITLES: Record<OpportunityType, Partial<Record<'offer' | 'request', Templates>>> = {
  sourcing_manufacturing: {
    offer: { it: ['Produzione conto terzi di {goods}', 'Capacità produttiva disponibile: {goods}'], zh: ['承接{goods}OEM/ODM订单', '{goods}代工生产'], en: ['Contract manufacturing of {goods}', 'Production capacity available for {goods}'] },
    request: { it: ['Cerchiamo produttore di {goods}', 'Cercasi fornitore affidabile di {goods}'], zh: ['寻找{goods}生产商', '采购{goods}'], en: ['Looking for a manufacturer of {goods}', 'Sourcing {goods}'] },
  },
  commercial_partnership: {
    offer: { it: ['Distribuzione di {goods} in {marketIt}'], zh: ['在{marketZh}代理{goods}'], en: ['Distribution of {goods} in {marketEn}'] },
    request: { it: ['Cerchiamo distributori per {goods} in {marketIt}', 'Agenti commerciali per {goods}'], zh: ['寻求{goods}在{marketZh}的经销商', '招募{goods}销售代理'], en: ['Distributors wanted for {goods} in {marketEn}', 'Sales agents for {goods}'] },
  },
  joint_venture: {
    offer: { it: ['Joint venture per la produzione di {goods}'], zh: ['{goods}合资项目'], en: ['Joint venture for {goods} production'] },
    request: { it: ['Cerchiamo partner per una joint venture: {goods}'], zh: ['寻求{goods}合资合作伙伴'], en: ['Joint venture partner wanted: {goods}'] },
  },
  investment: {
    offer: { it: ['Investiamo in marchi di {goods}'], zh: ['投资{goods}品牌'], en: ['Investment available for {goods} brands'] },
    request: { it: ['Cerchiamo investitori per ampliare la produzione di {goods}'], zh: ['{goods}项目寻求投资'], en: ['Investment sought to expand {goods}'] },
  },
  technology_cooperation: {
    offer: { it: ['Cooperazione tecnologica: {goods}'], zh: ['{goods}技术合作'], en: ['Technology cooperation on {goods}'] },
    request: { it: ['Cerchiamo partner tecnologici per {goods}'], zh: ['寻求{goods}技术合作伙伴'], en: ['Technology partners wanted for {goods}'] },
  },
  design_licensing: {
    offer: { it: ['Licenza di collezioni: {goods}'], zh: ['{goods}设计授权'], en: ['Design licensing: {goods}'] },
    request: { it: ['Cerchiamo design in licenza per {goods}'], zh: ['寻求{goods}设计授权'], en: ['Licensed designs wanted for {goods}'] },
  },
  training_programme: {
    offer: { it: ['Corso di formazione: {goods}', 'Programma intensivo in {goods}'], zh: ['{goods}专业培训课程', '{goods}短期研修班'], en: ['Training programme in {goods}', 'Intensive course in {goods}'] },
  },
  internship: {
    offer: { it: ['Tirocinio in {goods}'], zh: ['{goods}实习岗位'], en: ['Internship in {goods}'] },
  },
  talent_scouting: {
    request: { it: ['Cerchiamo giovani talenti per {goods}'], zh: ['招募{goods}青年人才'], en: ['Scouting young talent for {goods}'] },
  },
  cross_border_ecommerce: {
    offer: { it: ['Vendita di {goods} su piattaforme cinesi'], zh: ['{goods}跨境电商代运营'], en: ['Selling {goods} on Chinese marketplaces'] },
    request: { it: ['Cerchiamo partner e-commerce per {goods}'], zh: ['寻求{goods}跨境电商合作'], en: ['E-commerce partner wanted for {goods}'] },
  },
};

export const OPPORTUNITY_DETAILS: Templates = {
  it: [
    'Quantità minima: {moq} {unitIt}.',
    'Richiesta certificazione {cert}.',
    'Preferiamo partner in {marketIt} con esperienza nel settore.',
    'Campioni disponibili su richiesta.',
    'Possibilità di incontro durante la prossima missione commerciale.',
    'Tempi di consegna indicativi: {weeks} settimane.',
  ],
  zh: [
    '最小起订量：{moq}{unitZh}。',
    '需具备{cert}认证。',
    '优先考虑{marketZh}有行业经验的合作伙伴。',
    '可按要求提供样品。',
    '可在下次商务考察期间面谈。',
    '交货周期约{weeks}周。',
  ],
  en: [
    'Minimum order: {moq} {unitEn}.',
    '{cert} certification required.',
    'We prefer partners in {marketEn} with sector experience.',
    'Samples available on request.',
    'We can meet during the next trade mission.',
    'Lead time about {weeks} weeks.',
  ],
};

export const MARKETS: Record<string, { it: string; zh: string; en: string }> = {
  IT: { it: 'Italia', zh: '意大利', en: 'Italy' },
  CN: { it: 'Cina', zh: '中国', en: 'China' },
  DE: { it: 'Germania', zh: '德国', en: 'Germany' },
  FR: { it: 'Francia', zh: '法国', en: 'France' },
  ES: { it: 'Spagna', zh: '西班牙', en: 'Spain' },
  HK: { it: 'Hong Kong', zh: '香港', en: 'Hong Kong' },
  US: { it: 'Stati Uniti', zh: '美国', en: 'the United States' },
};

export const ORDER_UNITS: Array<{ it: string; zh: string; en: string }> = [
  { it: 'pezzi', zh: '件', en: 'pieces' },
  { it: 'metri', zh: '米', en: 'metres' },
  { it: 'kg', zh: '公斤', en: 'kg' },
  { it: 'paia', zh: '双', en: 'pairs' },
];

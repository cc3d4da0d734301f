import type { OrganisationKind } from '../../../contracts/organisation';
import type { Weighted } from './prng';

type Trilingual = { it: string; zh: string; en: string };
/** Parallel lists: index i names the same goods in each language. */
type Goods = { it: string[]; zh: string[]; en: string[] };

/** What an organisation does: its NACE sectors, HS products and the words used to describe it. */
export interface Profile {
  key: string;
  sectors: string[];
  products: string[];
  /** Company-name part: Maglificio Rossi, 恒丰针织, Hengfeng Knitwear. */
  trade: Trilingual;
  /** District-name part: Distretto della maglieria di Carpi. */
  cluster: Trilingual;
  goods: Goods;
}

const p = (key: string, sectors: string[], products: string[], trade: Trilingual, cluster: Trilingual, goods: Goods): Profile =>
  ({ key, sectors, products, trade, cluster, goods });

/** Manufacturers and traders: most of the directory. Sector codes all exist in nace-rev2.json. */
export const COMPANY_PROFILES: Profile[] = [
  p('knitwear', ['14.39', '14.13', '13.91'], ['6110', '6104', '6106'],
    { it: 'Maglificio', zh: '针织', en: 'Knitwear' }, { it: 'della maglieria', zh: '针织', en: 'Knitwear' },
    { it: ['maglieria in cachemire', 'maglioni in lana merino', 'maglieria in filato di seta', 'cardigan e pullover in maglieria'],
      zh: ['羊绒衫', '美利奴羊毛衫', '真丝针织衫', '针织开衫和套衫'],
      en: ['cashmere knitwear', 'merino wool sweaters', 'silk knitwear', 'knitted cardigans and pullovers'] }),
  p('cashmere', ['13.10', '14.39'], ['5102', '5108', '6110'],
    { it: 'Filatura', zh: '羊绒', en: 'Cashmere' }, { it: 'del cachemire', zh: '羊绒', en: 'Cashmere' },
    { it: ['filati di cachemire', 'fibre nobili pettinate', 'filati in lana e cachemire'],
      zh: ['羊绒纱线', '精梳羊绒', '羊毛羊绒混纺纱'],
      en: ['cashmere yarn', 'combed noble fibres', 'wool and cashmere blend yarn'] }),
  p('wool', ['13.20', '13.30', '13.10'], ['5111', '5112', '5113'],
    { it: 'Lanificio', zh: '毛纺', en: 'Woollen Mills' }, { it: 'laniero', zh: '毛纺', en: 'Wool' },
    { it: ['tessuti in lana pettinata', 'tessuti cardati per capispalla', 'flanelle e tweed'],
      zh: ['精纺毛料', '粗纺大衣呢', '法兰绒及粗花呢'],
      en: ['worsted wool fabrics', 'carded coating fabrics', 'flannel and tweed'] }),
  p('silk', ['13.20', '13.30'], ['5007', '5004', '6214'],
    { it: 'Setificio', zh: '丝绸', en: 'Silk' }, { it: 'della seta', zh: '丝绸', en: 'Silk' },
    { it: ['tessuti di seta stampati', 'foulard e cravatte in seta', 'filati di seta'],
      zh: ['印花真丝面料', '真丝围巾和领带', '桑蚕丝纱线'],
      en: ['printed silk fabrics', 'silk scarves and ties', 'silk yarn'] }),
  p('cotton', ['13.20', '13.10'], ['5208', '5209', '5205'],
    { it: 'Cotonificio', zh: '棉纺', en: 'Cotton Mills' }, { it: 'cotoniero', zh: '棉纺', en: 'Cotton' },
    { it: ['tessuti di cotone per camiceria', 'denim e tele di cotone', 'filati di cotone pettinato'],
      zh: ['衬衫棉布', '牛仔布及棉帆布', '精梳棉纱'],
      en: ['cotton shirting fabrics', 'denim and cotton canvas', 'combed cotton yarn'] }),
  p('apparel', ['14.13', '14.12', '14.19'], ['6202', '6203', '6204', '6201'],
    { it: 'Confezioni', zh: '服饰', en: 'Apparel' }, { it: 'dell\'abbigliamento', zh: '服装', en: 'Apparel' },
    { it: ['capispalla da donna', 'abiti sartoriali da uomo', 'abbigliamento da lavoro', 'giacche e cappotti'],
      zh: ['女装外套', '男士定制西装', '职业工装', '夹克和大衣'],
      en: ['womenswear outerwear', 'tailored menswear', 'workwear', 'jackets and coats'] }),
  p('hosiery', ['14.31'], ['6115'],
    { it: 'Calzificio', zh: '袜业', en: 'Hosiery' }, { it: 'della calzetteria', zh: '袜业', en: 'Hosiery' },
    { it: ['calze da donna', 'collant velati', 'calze tecniche sportive'],
      zh: ['女袜', '连裤袜', '功能运动袜'],
      en: ['women\'s socks', 'sheer tights', 'technical sports socks'] }),
  p('lingerie', ['14.14'], ['6212', '6108'],
    { it: 'Intimo', zh: '内衣', en: 'Lingerie' }, { it: 'dell\'intimo', zh: '内衣', en: 'Lingerie' },
    { it: ['intimo in pizzo', 'corsetteria', 'pigiami e homewear'],
      zh: ['蕾丝内衣', '塑身内衣', '睡衣及家居服'],
      en: ['lace lingerie', 'corsetry', 'pyjamas and homewear'] }),
  p('leather-goods', ['15.12', '15.11'], ['4202', '4203', '41'],
    { it: 'Pelletteria', zh: '皮具', en: 'Leather Goods' }, { it: 'della pelletteria', zh: '皮具', en: 'Leather Goods' },
    { it: ['borse in pelle', 'piccola pelletteria', 'cinture e accessori in pelle'],
      zh: ['真皮手袋', '皮革小件', '皮带及皮具配件'],
      en: ['leather handbags', 'small leather goods', 'belts and leather accessories'] }),
  p('tannery', ['15.11'], ['41'],
    { it: 'Conceria', zh: '制革', en: 'Tannery' }, { it: 'conciario', zh: '制革', en: 'Tanning' },
    { it: ['pellami conciati al vegetale', 'pelli per calzature e pelletteria'],
      zh: ['植鞣皮革', '鞋用及箱包皮革'],
      en: ['vegetable-tanned leather', 'leather for footwear and bags'] }),
  p('footwear', ['15.20'], ['6403', '6404', '6406'],
    { it: 'Calzaturificio', zh: '鞋业', en: 'Footwear' }, { it: 'calzaturiero', zh: '鞋业', en: 'Footwear' },
    { it: ['calzature da donna', 'sneaker in pelle', 'scarpe da uomo fatte a mano', 'suole e componenti per calzature'],
      zh: ['女鞋', '真皮运动鞋', '手工男鞋', '鞋底及鞋材'],
      en: ['women\'s footwear', 'leather sneakers', 'handmade men\'s shoes', 'soles and shoe components'] }),
  p('technical-textiles', ['13.95', '13.96', '13.99'], ['5603', '5911', '5903'],
    { it: 'Tessuti Tecnici', zh: '产业用纺织品', en: 'Technical Textiles' }, { it: 'dei tessili tecnici', zh: '产业用纺织品', en: 'Technical Textiles' },
    { it: ['tessuti non tessuti', 'tessuti tecnici spalmati', 'tessuti per arredo e automotive'],
      zh: ['无纺布', '涂层技术面料', '家纺及汽车内饰面料'],
      en: ['nonwovens', 'coated technical fabrics', 'upholstery and automotive fabrics'] }),
  p('home-textiles', ['13.92'], ['6302', '6303', '6304'],
    { it: 'Tessile Casa', zh: '家纺', en: 'Home Textiles' }, { it: 'del tessile casa', zh: '家纺', en: 'Home Textiles' },
    { it: ['biancheria per la casa', 'tende e tessuti d\'arredo', 'lenzuola in lino'],
      zh: ['家用纺织品', '窗帘及装饰布', '亚麻床品'],
      en: ['household linen', 'curtains and furnishing fabrics', 'linen bed sheets'] }),
  p('furniture', ['31.09', '31.01', '31.03'], ['9401', '9403', '9404'],
    { it: 'Mobilificio', zh: '家具', en: 'Furniture' }, { it: 'del mobile', zh: '家具', en: 'Furniture' },
    { it: ['divani imbottiti', 'mobili in legno massello', 'sedie di design', 'materassi'],
      zh: ['软体沙发', '实木家具', '设计师座椅', '床垫'],
      en: ['upholstered sofas', 'solid wood furniture', 'design chairs', 'mattresses'] }),
  p('textile-machinery', ['28.94'], ['8445', '8447', '8451', '8452'],
    { it: 'Meccanotessile', zh: '纺织机械', en: 'Textile Machinery' }, { it: 'meccanotessile', zh: '纺织机械', en: 'Textile Machinery' },
    { it: ['macchine per maglieria', 'telai per tessitura', 'macchine per il finissaggio', 'macchine da cucire industriali'],
      zh: ['针织机', '织布机', '后整理设备', '工业缝纫机'],
      en: ['knitting machines', 'weaving looms', 'finishing machinery', 'industrial sewing machines'] }),
  p('trading', ['46.41', '46.42', '46.16'], ['6109', '6110', '6204'],
    { it: 'Commercio Tessile', zh: '贸易', en: 'Trading' }, { it: 'del commercio tessile', zh: '纺织品贸易', en: 'Textile Trade' },
    { it: ['tessuti e accessori moda', 'abbigliamento all\'ingrosso', 'stock di tessuti'],
      zh: ['面料及服装辅料', '服装批发', '库存面料'],
      en: ['fabrics and trims', 'wholesale apparel', 'fabric stock lots'] }),
  p('jewellery', ['32.12', '32.13'], ['71'],
    { it: 'Oreficeria', zh: '珠宝', en: 'Jewellery' }, { it: 'orafo', zh: '珠宝', en: 'Jewellery' },
    { it: ['gioielli in oro', 'bigiotteria di moda'],
      zh: ['黄金首饰', '时尚饰品'],
      en: ['gold jewellery', 'fashion jewellery'] }),
];

export const COMPANY_PROFILE_WEIGHTS: Weighted<Profile> = COMPANY_PROFILES.map((prof) => [
  prof,
  ({ knitwear: 14, apparel: 14, 'leather-goods': 9, footwear: 9, wool: 7, silk: 6, furniture: 8, trading: 6 } as Record<string, number>)[prof.key] ?? 4,
]);

const none: Trilingual = { it: '', zh: '', en: '' };

/** What organisations other than companies and districts offer. */
export const KIND_PROFILES: Partial<Record<OrganisationKind, Profile>> = {
  designer: p('designer', ['74.10', '14.13'], ['6204', '6110', '4202'], { it: 'Studio', zh: '设计工作室', en: 'Design Studio' }, none,
    { it: ['collezioni di prêt-à-porter donna', 'capsule collection di maglieria', 'accessori e borse', 'stampe e grafiche tessili'],
      zh: ['女装成衣系列', '针织胶囊系列', '配饰及箱包设计', '纺织印花图案'],
      en: ['women\'s ready-to-wear collections', 'knitwear capsule collections', 'accessories and bags', 'textile prints and graphics'] }),
  academy: p('academy', ['85.42', '85.59', '85.52'], [], { it: 'Accademia', zh: '学院', en: 'Academy' }, none,
    { it: ['fashion design', 'modellistica e sartoria', 'textile management', 'design del gioiello'],
      zh: ['服装设计', '制版与工艺', '纺织管理', '珠宝设计'],
      en: ['fashion design', 'pattern making and tailoring', 'textile management', 'jewellery design'] }),
  consultancy: p('consultancy', ['70.22', '73.20', '74.90'], [], { it: 'Consulting', zh: '咨询', en: 'Consulting' }, none,
    { it: ['internazionalizzazione in Cina', 'ricerche di mercato nel settore moda', 'tutela del marchio e della proprietà intellettuale'],
      zh: ['中意市场拓展', '时尚行业市场调研', '品牌与知识产权保护'],
      en: ['market entry in China and Italy', 'fashion market research', 'brand and IP protection'] }),
  ecommerce_provider: p('ecommerce', ['47.91', '63.12', '73.11'], ['6110', '4202'], { it: 'Digital', zh: '跨境电商', en: 'Cross-border E-commerce' }, none,
    { it: ['vendita su Tmall e JD.com', 'livestreaming e social commerce', 'logistica cross-border'],
      zh: ['天猫和京东店铺运营', '直播带货与社交电商', '跨境物流'],
      en: ['Tmall and JD.com store management', 'livestream and social commerce', 'cross-border logistics'] }),
  association: p('association', ['94.11'], [], { it: 'Associazione', zh: '商会', en: 'Association' }, none,
    { it: ['promozione delle imprese tessili', 'missioni commerciali', 'formazione per le imprese associate'],
      zh: ['纺织企业推广', '商务考察团', '会员企业培训'],
      en: ['promotion of textile firms', 'trade missions', 'training for member companies'] }),
  public_body: p('public-body', ['84.13'], [], { it: 'Ente', zh: '商务局', en: 'Bureau of Commerce' }, none,
    { it: ['attrazione di investimenti', 'servizi alle imprese', 'cooperazione internazionale'],
      zh: ['招商引资', '企业服务', '国际合作'],
      en: ['investment attraction', 'business services', 'international cooperation'] }),
  science_park: p('science-park', ['72.19'], [], { it: 'Parco Scientifico', zh: '纺织科技园', en: 'Science Park' }, none,
    { it: ['ricerca su fibre sostenibili', 'tessili intelligenti', 'incubazione di startup della moda'],
      zh: ['可持续纤维研究', '智能纺织品', '时尚创业孵化'],
      en: ['research on sustainable fibres', 'smart textiles', 'fashion start-up incubation'] }),
};

/** Mostly companies, a few service providers and schools, very few districts and parks. */
export const KIND_WEIGHTS: Weighted<OrganisationKind> = [
  ['company', 72], ['designer', 8], ['consultancy', 5], ['ecommerce_provider', 5], ['academy', 3],
  ['association', 2.5], ['public_body', 1.5], ['district', 2], ['science_park', 1],
];

export const CERTIFICATIONS = [
  'ISO 9001', 'ISO 14001', 'OEKO-TEX Standard 100', 'GOTS', 'GRS', 'bluesign', 'BSCI', 'SA8000', 'FSC', 'LWG', 'RWS',
];

export const SIZE_BANDS: Weighted<'micro' | 'small' | 'medium' | 'large'> = [['micro', 25], ['small', 40], ['medium', 25], ['large', 10]];

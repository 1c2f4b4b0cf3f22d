/**
 * Text shaped like the seed deck: bilingual HK government funding-scheme prose, about 550
 * distinct CJK characters (incl. HK-specific ones such as 衞 邨 埗) plus English.
 */
const zh = `
創新科技及工業局轄下創新科技署推行多項資助計劃，支援本地企業、大學及科研機構進行研發，
推動「再工業化」及智慧城市發展。本計劃旨在鼓勵私營機構投資科研，提升香港的競爭力。
申請資格：在香港註冊的公司，須於本港設有實質業務運作，並聘用本地研究人員。
資助金額：每個項目最高可獲港幣一千萬元，按配對形式撥款；政府與企業的出資比例為一比一。
評審準則包括：項目的創新程度、技術可行性、商業化潛力、管理能力及對社會的貢獻。
申請人應透過網上系統遞交計劃書，並附上財務預算、工作時間表及預期成果。
衞生署與房屋署合作，在深水埗、石硤尾邨及黃大仙區試行長者健康監測系統。
聯絡我們：如有查詢，請致電創新科技署熱線或電郵至本署，我們會於三個工作天內回覆。
`;

/** Frequent Traditional Chinese characters, to reach a realistic distinct-character count. */
const common =
  '的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數件安表原車白應路期叫死常提感金何更反合放做系計或司利受光王果親界及今京務制解各任至清物台象記邊共風戰干接它許八特覺望直服毛林題建南度統色字請交愛讓認算論百吃義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳近留紅治決周保達辦運武半候七必城父強步完革深區即求品士轉量空甚眾技輕程告江語英基派滿式李息寫呢識極令黃德收臉錢黨倒未持取設始版雙歷越史商千片容研像找友孩站廣改議形委早房音火際則首單據導影失拿網香似斯專石若兵弟誰校讀志飛觀爭究包組造落視濟喜離';

const en = `
The Innovation, Technology and Industry Bureau (ITIB) funds research & development in Hong Kong.
Eligibility: companies registered in Hong Kong with substantive operations — up to HK$10,000,000 per project.
Assessment criteria: innovation; technical feasibility; commercial potential; management capability…
Contact us: "Innovation and Technology Commission", 2025/26 – Q3. Budget × 1.5 • 100% matching.
`;

export const SEED_TEXT = zh + common + en;

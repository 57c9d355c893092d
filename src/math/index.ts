// Special functions used by the distributions.

export { FAST_EXP_TABLES, fastExp, fastExpSource } from "./fastExp.js";
export { incompleteBeta } from "./incompleteBeta.js";
export { inverseNormalCdf } from "./inverseNormalCdf.js";
export { invertCdf } from "./invertCdf.js";
export { logGamma } from "./logGamma.js";
export { normalCdf } from "./normalCdf.js";

// Special functions used by the distributions.

export { fastExp } from "./fastExp.js";
export { incompleteBeta } from "./incompleteBeta.js";
export { inverseNormalCdf } from "./inverseNormalCdf.js";
export { invertCdf } from "./invertCdf.js";
export { logGamma } from "./logGamma.js";
export { normalCdf } from "./normalCdf.js";

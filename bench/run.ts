// `npm run bench`: every benchmark the issues ask for, with the peers measured in the same run.
import { benchM1 } from "./m1.js";
import { benchMonteCarlo } from "./monteCarlo.js";
import { benchNetwork } from "./network.js";
import { benchOno } from "./ono.js";

benchM1();
benchOno();
await benchMonteCarlo();
benchNetwork();

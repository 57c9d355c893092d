// Golden error messages for the loop's parts: entities, contracts and capacity.
import { describe } from "vitest";
import { reportsGoldenErrors } from "../support/goldenErrors.js";

const HEAD = `name: bad
start: 2025Q1
quarters: 8
assumptions:
  x: 1
entities:
  openai: { cash: $10B, valuation: $500B }
  nvidia: { cash: $50B }
`;

const CASES: Readonly<Record<string, string>> = {
  "contract-unknown-entity": `${HEAD}contracts:\n  - { id: deal, type: purchase, buyer: opnai, seller: nvidia, amount: $1B }\n`,
  "contract-with-itself": `${HEAD}contracts:\n  - { id: deal, type: purchase, buyer: nvidia, seller: nvidia, amount: $1B }\n`,
  "schedule-outside-horizon": `${HEAD}capacity:\n  - { id: dc, owner: openai, online: { 2026Q1: 1 GW, 2031Q1: 2 GW }, watts_per_gpu: 2200 W, capex_per_gw: $50B/GW, useful_life: 6 }\n`,
  "negative-amount": `${HEAD}contracts:\n  - { id: deal, type: purchase, buyer: openai, seller: nvidia, amount: $-1B }\n`,
  "cap-below-tranche": `${HEAD}capacity:\n  - { id: dc, owner: openai, online: { 2026Q1: 1 GW }, watts_per_gpu: 2200 W, capex_per_gw: $50B/GW, useful_life: 6 }\ncontracts:\n  - { id: eq, type: equity, investor: nvidia, investee: openai, per_gw: $10B/GW, capacity: [dc], cap: $5B }\n`,
  "capacity-without-watts-per-gpu": `${HEAD}capacity:\n  - { id: dc, owner: openai, online: { 2026Q1: 1 GW }, capex_per_gw: $50B/GW, useful_life: 6 }\n`,
  "cash-in-watts": `name: bad\nstart: 2025Q1\nquarters: 8\nassumptions:\n  x: 1\nentities:\n  openai: { cash: 10 GW }\n`,
  "unknown-contract-type": `${HEAD}contracts:\n  - { id: deal, type: grant, buyer: openai, seller: nvidia }\n`,
  "misspelt-entity-key": `name: bad\nstart: 2025Q1\nquarters: 8\nassumptions:\n  x: 1\nentities:\n  openai: { cash: $10B, revnue: $1B }\n`,
  "unknown-capacity-in-tranche": `${HEAD}contracts:\n  - { id: eq, type: equity, investor: nvidia, investee: openai, per_gw: $10B/GW, capacity: [stargate] }\n`,
  "duplicate-id": `${HEAD}capacity:\n  - { id: openai, owner: openai, online: { 2026Q1: 1 GW }, watts_per_gpu: 2200 W, capex_per_gw: $50B/GW, useful_life: 6 }\n`,
};

describe("golden error messages for entities, contracts and capacity", () => {
  reportsGoldenErrors(CASES, (name) => `__golden__/system/${name}.txt`);
});

// Schemas of the loop's parts: companies (entities), the contracts between them and the capacity
// they build. Every number is a `field` (see schemaValues.ts); ids are names.

import { z } from "zod";
import { QUARTER_PATTERN } from "./quarter.js";
import { field } from "./schemaValues.js";

/** Pattern of ids of entities, contracts and capacity: lower-case words joined by - or _. */
export const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

const id = z
  .string()
  .regex(ID_PATTERN, "an id is lower-case letters, digits, - or _, starting with a letter");
const quarter = z.string().regex(QUARTER_PATTERN, "expected a quarter such as 2026Q3");
const note = z.string().optional();

/** A company of the loop. */
export const entitySchema = z.strictObject({
  name: z.string().optional(),
  kind: z.enum(["lab", "chipmaker", "cloud", "investor", "other"]).optional(),
  cash: field.meta({ description: "Cash at the start." }),
  debt: field.meta({ description: "Debt owed to lenders at the start." }).optional(),
  valuation: field
    .meta({ description: "Pre-money equity valuation; new shares are priced at it." })
    .optional(),
  revenue: field
    .meta({ description: "Revenue per quarter from end customers (outside the loop)." })
    .optional(),
  costs: field
    .meta({
      description:
        "Operating costs per quarter paid outside the loop (staff, power, other suppliers).",
    })
    .optional(),
  cost_of_revenue: field
    .meta({ description: "Cost of all revenue as a share of it, paid outside the loop." })
    .optional(),
  funding: z
    .strictObject({
      min_cash: field
        .meta({
          description: "Cash kept at the end of each quarter; the company raises to stay above it.",
        })
        .optional(),
      equity: field
        .meta({
          description: "Most new equity outside investors put in per quarter (their appetite).",
        })
        .optional(),
      debt: field
        .meta({ description: "Most new debt lenders provide per quarter (their appetite)." })
        .optional(),
      rate: field.meta({ description: "Annual interest rate on debt." }).optional(),
    })
    .optional(),
  note,
});

const common = { id, source: z.string().optional(), note };

/** Equity bought by one entity in another: a fixed amount per quarter or a tranche per GW. */
export const equityContract = z.strictObject({
  ...common,
  type: z.literal("equity"),
  investor: id,
  investee: id,
  amount: field.meta({ description: "Amount invested per quarter." }).optional(),
  per_gw: field
    .meta({ description: "Amount invested per GW of the named capacity coming online." })
    .optional(),
  capacity: z.array(id).meta({ description: "Capacity whose GW count for per_gw." }).optional(),
  cap: field.meta({ description: "Most invested in total." }).optional(),
  start: quarter.optional(),
  end: quarter.optional(),
});

/** A purchase of compute, hardware or services, spread evenly or by formula. */
export const purchaseContract = z.strictObject({
  ...common,
  type: z.literal("purchase"),
  buyer: id,
  seller: id,
  kind: z.enum(["compute", "hardware", "services"]).optional(),
  total: field
    .meta({ description: "Total paid, spread evenly over `quarters` from `start`." })
    .optional(),
  amount: field.meta({ description: "Amount paid per quarter (instead of total)." }).optional(),
  start: quarter.optional(),
  quarters: z.number().int().min(1).optional(),
  take_or_pay: z.boolean().optional(),
});

/** A loan or bond from an entity (or the outside lenders) to an entity. */
export const loanContract = z.strictObject({
  ...common,
  type: z.literal("loan"),
  lender: id,
  borrower: id,
  principal: field,
  rate: field.meta({ description: "Annual interest rate." }),
  start: quarter,
  maturity: z.number().int().min(1).meta({ description: "Quarters until the last repayment." }),
  amortization: z.enum(["bullet", "linear"]).optional(),
});

/** Equipment leased: the lessee pays the lessor an amount per quarter. */
export const leaseContract = z.strictObject({
  ...common,
  type: z.literal("lease"),
  lessor: id,
  lessee: id,
  amount: field.meta({ description: "Lease payment per quarter." }),
  start: quarter.optional(),
  quarters: z.number().int().min(1).optional(),
});

/** Any contract. */
export const contractSchema = z.discriminatedUnion(
  "type",
  [equityContract, purchaseContract, loanContract, leaseContract],
  {
    error: "expected a contract with type equity, purchase, loan or lease",
  },
);

/** Data-centre capacity an entity builds. */
export const capacitySchema = z.strictObject({
  id,
  owner: id.meta({ description: "Who pays for and owns the capacity." }),
  for: id
    .meta({
      description: "The customer it is built for; building stops if that customer defaults.",
    })
    .optional(),
  online: field.meta({
    description: "GW online (cumulative), usually a schedule {2026Q3: 1 GW, …}.",
  }),
  watts_per_gpu: field.meta({
    description: "All-in facility watts per GPU (10 GW ≈ 4–5 million GPUs ⇒ 2–2.5 kW).",
  }),
  capex_per_gw: field.meta({ description: "Capital cost per GW, paid as the GW come online." }),
  suppliers: z
    .record(id, field)
    .meta({
      description: "Share of capex paid to each supplier entity; the rest goes outside the loop.",
    })
    .optional(),
  useful_life: field.meta({ description: "Years over which the capacity is depreciated." }),
  failure_rate: field.meta({ description: "Share of GPUs failing per year." }).optional(),
  source: z.string().optional(),
  note,
});

// A command-line option that may be given many times, such as --shock and --param.

import { Option } from "@commander-js/extra-typings";

/** An option that may be given many times; its value is every occurrence, in order. */
export function repeatable<Usage extends string>(flags: Usage, description: string) {
  return new Option(flags, description)
    .argParser((value: string, previous: string[] = []) => [...previous, value])
    .default([] as string[]);
}

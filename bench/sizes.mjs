#!/usr/bin/env node
// What a page downloads through the script tag (gzip), against the budgets pnpm test enforces.
import { measure } from '../scripts/size.mjs';

for (const { name, bytes, budget } of measure()) {
  console.log(
    `${name}: ${(bytes / 1024).toFixed(2)} KB gzip (budget ${(budget / 1024).toFixed(2)} KB, ${Math.round((bytes / budget) * 100)}%)`,
  );
}

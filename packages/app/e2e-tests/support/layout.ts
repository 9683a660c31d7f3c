import { Locator } from '@playwright/test';

/*
 * What a person sees of a page's layout, measured in the browser: words that a line break
 * cuts in two, and the codes and ids that stand where words should.
 */

/**
 * The words inside `scope` that a line break cuts in two ("standar d", "CREDEN TIALS",
 * "dev-payments-ledger-01" broken at a hyphen). Addresses (anything with a slash) may break,
 * as long URLs must.
 */
export async function brokenWords(scope: Locator): Promise<string[]> {
  return scope.evaluateAll(elements => {
    const broken = new Set<string>();
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const pattern = /\S+/g;
        for (
          let match = pattern.exec(text);
          match;
          match = pattern.exec(text)
        ) {
          if (match[0].includes('/')) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          // One word on one line has one box; a word cut by a line break has two.
          const lines = new Set(
            [...range.getClientRects()]
              .filter(rect => rect.width > 0)
              .map(rect => Math.round(rect.top)),
          );
          if (lines.size > 1) broken.add(match[0]);
        }
      }
    }
    return [...broken];
  });
}

/** Ids (UUIDs) in the text a person reads inside `scope`. */
export async function visibleIds(scope: Locator): Promise<string[]> {
  const text = (await scope.allInnerTexts()).join('\n');
  return (
    text.match(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    ) ?? []
  );
}

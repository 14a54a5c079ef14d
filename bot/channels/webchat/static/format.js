// What the page does to text: masking personal numbers, and laying out the bot's figures.

// The same rules as bot/privacy/masking.py (tests/e2e/test_webchat_failures.py checks they agree over the corpus in
// tests/cases/personal_data.yml): the page masks before a message is shown, kept in localStorage or sent, so a
// shared phone keeps no one's numbers. Digits joined by tight separators are one number, personal from 7 digits
// unless money follows; digits joined by looser ones (several spaces, a line break, / ， 、 :) only when together
// they have the shape of a mobile, an ID card, a bank card or a landline with its area code.
const SHORTEST_PERSONAL = 7;
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const FULL_WIDTH = { "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7",
  "８": "8", "９": "9", "Ｘ": "X", "ｘ": "x", "＋": "+", "－": "-", "．": ".", "　": " " };
const CHINESE_DIGITS = { "零": "0", "〇": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
  "七": "7", "八": "8", "九": "9", "幺": "1", "两": "2" };
const SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f";
const TIGHT = "[ \\-.·—–_()（）]";
const LOOSE = `[${SPACE}/／，,、:：\\-.·—–_()（）]{1,3}`;
const DIGIT = "[零〇一二三四五六七八九幺两0-9]";
const CHINESE_RUN = new RegExp(`${DIGIT}(?:(?:${LOOSE})?${DIGIT}){${SHORTEST_PERSONAL - 1},}`, "g");
const TIGHT_RUN = new RegExp(`(?<![0-9])(\\+${TIGHT}?)?[0-9](?:${TIGHT}?[0-9])*(?:${TIGHT}?[Xx](?![A-Za-z]))?`, "g");
const LOOSE_RUN = new RegExp(
  `(?<![0-9])(\\+(?:${LOOSE})?)?[0-9](?:(?:${LOOSE})?[0-9])*(?:(?:${LOOSE})?[Xx](?![A-Za-z]))?`, "g");
const AMOUNT_FOLLOWS = new RegExp(`^[${SPACE}]*(?:元|块|万|亿|%|％)`);
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

function maskedDigits(digits) {
  const n = digits.length;
  if (n === 13 && digits.startsWith("861")) return "+86 " + maskedDigits(digits.slice(2));
  if (n === 11 && digits[0] === "1" && "3456789".includes(digits[1])) return digits.slice(0, 3) + "****" + digits.slice(-4);
  if (n === 15 || n === 18) return digits.slice(0, 4) + "*".repeat(n - 6) + digits.slice(-2);
  if (n >= 16 && n <= 19) return digits.slice(0, 4) + " **** **** " + digits.slice(-4);
  if (digits[0] === "0" && n >= 10 && n <= 12) return digits.slice(0, "12".includes(digits[1]) ? 3 : 4) + "-********";
  return digits.slice(0, 2) + "*".repeat(n - 2);
}

function luhn(digits) {
  let total = 0;
  [...digits].reverse().forEach((digit, i) => {
    const value = Number(digit) * (i % 2 ? 2 : 1);
    total += value > 9 ? value - 9 : value;
  });
  return total % 10 === 0;
}

function shapedLikePersonal(digits) {
  const n = digits.length;
  if (digits.includes("X")) return (n === 15 || n === 18) && digits.indexOf("X") === n - 1;
  const mobile = n === 13 && digits.startsWith("86") ? digits.slice(2) : digits;
  return (mobile.length === 11 && mobile[0] === "1" && "3456789".includes(mobile[1])) || n === 15 || n === 18
    || (n >= 16 && n <= 19 && "3456".includes(digits[0]) && luhn(digits)) || (digits[0] === "0" && n >= 10 && n <= 12);
}

const digitsOf = (written) => written.replace(/[^0-9Xx]/g, "").toUpperCase();

function personal(read, start, end) {
  if (AMOUNT_FOLLOWS.test(read.slice(end))) return null;
  const digits = digitsOf(read.slice(start, end));
  return digits.length >= SHORTEST_PERSONAL ? maskedDigits(digits) : null;
}

function spans(read) {
  const found = [];
  for (const loose of read.matchAll(LOOSE_RUN)) {
    const start = loose.index;
    const end = start + loose[0].length;
    const whole = shapedLikePersonal(digitsOf(loose[0])) && personal(read, start, end);
    if (whole) {
      found.push([start, end, whole]);
      continue;
    }
    for (const tight of loose[0].matchAll(TIGHT_RUN)) {
      const masked = personal(read, start + tight.index, start + tight.index + tight[0].length);
      if (masked) found.push([start + tight.index, start + tight.index + tight[0].length, masked]);
    }
  }
  return found;
}

export function mask(original) {
  const text = original.replace(INVISIBLE, "").replace(/[０-９Ｘｘ＋－．　]/g, (c) => FULL_WIDTH[c])
    .replace(EMAIL, "$1***@$2");
  // 中文数字 are read as digits in runs long enough to be a number (one character each, so positions agree)
  const read = text.replace(CHINESE_RUN, (run) => run.replace(/[零〇一二三四五六七八九幺两]/g, (c) => CHINESE_DIGITS[c]));
  let masked = "";
  let last = 0;
  for (const [start, end, replacement] of spans(read)) {
    masked += text.slice(last, start) + replacement;
    last = end;
  }
  return masked + text.slice(last);
}

// A number with its unit (15780元, 1万至3万元, 60周岁, 5%): kept on one line.
const NUMBER = String.raw`\d[\d,.]*(?:万|亿)?`;
const UNITS = ["元/人", "元", "%", "％", "周岁", "岁", "个月", "年", "月", "天", "日", "人", "个", "项", "次", "倍",
  "户", "亩", "家", "名", "小时"];
const FIGURE = new RegExp(`${NUMBER}(?:\\s*[-~～至到]\\s*${NUMBER})?\\s*(?:${UNITS.join("|")})`, "g");
const MONEY = /[元%％]$/;
// Lines that give the answer in bot/dialogue/wording.py: the headline (【措施】每年15780元), list items (· …) and totals.
// Calculation steps, conditions and quotes of the plan hold other amounts; those are not highlighted.
const ANSWER_LINE = /^(?:【|·|合计)/;
const FORMER = /原来?[^\d，；。、]{0,3}$/;  // 原来每年6000元, （原6000元）: what it was before the plan

// Fills `element` with text nodes and spans (never innerHTML), one line of `text` at a time.
export function fillWithFigures(element, text) {
  text.split("\n").forEach((line, i) => {
    if (i) element.append("\n");
    const answer = ANSWER_LINE.test(line);
    let last = 0;
    for (const match of line.matchAll(FIGURE)) {
      const before = line.slice(0, match.index);
      element.append(line.slice(last, match.index));
      const quoted = (before.match(/“/g) || []).length > (before.match(/”/g) || []).length;
      const current = answer && MONEY.test(match[0]) && !quoted && !FORMER.test(before);
      const span = document.createElement(current ? "strong" : "span");
      span.className = current ? "figure amount" : "figure";
      span.textContent = match[0];
      element.append(span);
      last = match.index + match[0].length;
    }
    element.append(line.slice(last));
  });
}

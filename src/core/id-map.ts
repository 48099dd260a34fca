/**
 * Id → integer key, for indexes of up to millions of records: open addressing with linear
 * probing over an Int32Array, the strings kept once in an array by key. Against a `Map` it sizes
 * its table once for a whole batch (no rehash per doubling), and `add` both finds a duplicate and
 * inserts in one probe sequence: a national batch checks and registers each id in one pass.
 * Ids are the platform's own, so no defence against chosen collisions (hash flooding) is needed.
 */
const EMPTY = -1;

export class IdMap {
  /** Keys by probe position, EMPTY where free. Capacity is a power of two, at most half full. */
  private table = new Int32Array(16).fill(EMPTY);
  private mask = 15;
  /** The id of each key (holes where deleted). */
  private idOfKey: (string | undefined)[] = [];
  size = 0;

  /** Room for `n` ids without rehashing. */
  reserve(n: number): void {
    let cap = this.table.length;
    while (cap < 2 * n) cap *= 2;
    if (cap !== this.table.length) this.rehash(cap);
  }

  /** The key of `id`, or -1. */
  get(id: string): number {
    const t = this.table;
    for (let p = hash(id) & this.mask; ; p = (p + 1) & this.mask) {
      const k = t[p];
      if (k === EMPTY) return -1;
      if (this.idOfKey[k] === id) return k;
    }
  }

  /** Inserts `id` with `key` (a key not in use) unless present: returns the existing key, or -1 when inserted. */
  add(id: string, key: number): number {
    if (2 * (this.size + 1) > this.table.length) this.rehash(this.table.length * 2);
    const t = this.table;
    let p = hash(id) & this.mask;
    for (; ; p = (p + 1) & this.mask) {
      const k = t[p];
      if (k === EMPTY) break;
      if (this.idOfKey[k] === id) return k;
    }
    t[p] = key;
    this.idOfKey[key] = id;
    this.size++;
    return -1;
  }

  /** Removes `id`; returns whether it was there. Backward-shift deletion: no tombstones. */
  delete(id: string): boolean {
    const t = this.table;
    const mask = this.mask;
    let p = hash(id) & mask;
    for (; ; p = (p + 1) & mask) {
      const k = t[p];
      if (k === EMPTY) return false;
      if (this.idOfKey[k] === id) break;
    }
    this.idOfKey[t[p]] = undefined;
    // Pull back every later entry of the run that may no longer be found past the hole.
    let hole = p;
    for (let q = (p + 1) & mask; t[q] !== EMPTY; q = (q + 1) & mask) {
      const home = hash(this.idOfKey[t[q]]!) & mask;
      // Entry at q may move to the hole when its home is not in the cyclic range (hole, q].
      if (hole <= q ? home <= hole || home > q : home <= hole && home > q) {
        t[hole] = t[q];
        hole = q;
      }
    }
    t[hole] = EMPTY;
    this.size--;
    return true;
  }

  private rehash(capacity: number): void {
    const old = this.table;
    const t = new Int32Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i++) {
      const k = old[i];
      if (k === EMPTY) continue;
      let p = hash(this.idOfKey[k]!) & mask;
      while (t[p] !== EMPTY) p = (p + 1) & mask;
      t[p] = k;
    }
    this.table = t;
    this.mask = mask;
  }
}

/** FNV-1a over UTF-16 units, then murmur3's finaliser so that the low bits mix well. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

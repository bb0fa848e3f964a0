// Type-checked against the installed package's .d.ts with the oldest
// TypeScript the README names (5.7) and @types/node: the types a user sees.
import { Udmabuf, UdmabufError, np } from 'u-dma-buf';

const a = np.zeros([4], 'float32');
const s = np.sum(np.add(a, 1));
// lists where numpy takes array_like: reductions and statistics
const fromLists: (number | bigint | np.NdArray)[] = [np.sum([1, 2, 3]), np.mean([[1, 2], [3, 4]], 0), np.median([3, 1, 2])];
const open = (name: string): Udmabuf => new Udmabuf(name);
const e: UdmabufError | undefined = undefined;
console.log(s, fromLists, open, e, a satisfies np.NdArray);

// Type-checked against the installed package's .d.ts with the oldest
// TypeScript the README names (5.7) and @types/node: the types a user sees.
import { Udmabuf, UdmabufError, np } from 'u-dma-buf';

const a = np.zeros([4], 'float32');
const s = np.sum(np.add(a, 1));
const open = (name: string): Udmabuf => new Udmabuf(name);
const e: UdmabufError | undefined = undefined;
console.log(s, open, e, a satisfies np.NdArray);

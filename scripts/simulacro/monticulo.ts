/** A binary min-heap: `primero()` is the least element by `menor`, in O(log n) per insertion and removal. */
export class Monticulo<T> {
  private readonly a: T[] = [];
  private readonly menor: (x: T, y: T) => boolean;

  constructor(menor: (x: T, y: T) => boolean) {
    this.menor = menor;
  }

  get tamano(): number {
    return this.a.length;
  }

  primero(): T | undefined {
    return this.a[0];
  }

  meter(x: T): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const padre = (i - 1) >> 1;
      if (!this.menor(a[i]!, a[padre]!)) break;
      [a[i], a[padre]] = [a[padre]!, a[i]!];
      i = padre;
    }
  }

  sacar(): T | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const primero = a[0]!;
    const ultimo = a.pop()!;
    if (a.length > 0) {
      a[0] = ultimo;
      this.hundir(0);
    }
    return primero;
  }

  private hundir(i: number): void {
    const a = this.a;
    for (;;) {
      const izq = 2 * i + 1;
      const der = izq + 1;
      let m = i;
      if (izq < a.length && this.menor(a[izq]!, a[m]!)) m = izq;
      if (der < a.length && this.menor(a[der]!, a[m]!)) m = der;
      if (m === i) return;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }
}

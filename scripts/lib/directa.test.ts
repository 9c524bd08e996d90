import { describe, expect, it } from 'vitest';
import { puertosEscuchando } from './directa.ts';

// Three sockets as Linux lists them: one listening on 127.0.0.1:8787, one established, one listening on 10.0.0.5.
const TABLA = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:2253 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0
   1: 0100007F:2253 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 4343 1 0000000000000000 20 4 30 10 -1
   2: 0500000A:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1 0000000000000000 100 0 0 10 0
`;

describe('puertosEscuchando', () => {
  it('maps the inode of each socket listening on the loopback to its port, and nothing else', () => {
    expect([...puertosEscuchando(TABLA)]).toEqual([['4242', 8787]]);
  });
});

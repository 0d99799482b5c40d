import { fold } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  IjwVerzoekReceived,
  RecordIjwVerzoek,
  Verwijzer,
  ijwVerzoekenDecider,
  verwijzerVanVerzoek,
} from './ijw-bericht';

const huisarts: Verwijzer = { type: '02', naam: 'Huisartsenpraktijk De Linde' };
const verzoek = (
  berichtId: string,
  aanbiederId: string,
  referentie: string,
  verwijzer = huisarts,
) =>
  ({
    berichtId,
    sleutel: `JW315:${aanbiederId}:${berichtId}`,
    soort: 'JW315',
    persoonId: 'p-sanne',
    aanbiederId,
    ontvangenOp: '2025-02-20',
    producten: [
      { referentie, productcode: '45A01', ingangsdatum: '2025-03-01', einddatum: null, verwijzer },
    ],
  }) satisfies IjwVerzoekReceived['data'];
const received = (data: IjwVerzoekReceived['data']): IjwVerzoekReceived => ({
  type: 'IjwVerzoekReceived',
  data,
});
const record = (data: IjwVerzoekReceived['data']): RecordIjwVerzoek => ({
  type: 'RecordIjwVerzoek',
  ...data,
});

describe('a person’s requests for assignment (JW315)', () => {
  const spec = deciderSpecification(ijwVerzoekenDecider);

  it('records a request the first time it arrives', () => {
    const data = verzoek('b-1', '12345678', 'VIS-2025-07');
    spec
      .given([])
      .when(record(data))
      .then([received(data)]);
  });

  it('records nothing for the same message again', () => {
    const data = verzoek('b-1', '12345678', 'VIS-2025-07');
    spec
      .given([received(data)])
      .when(record(data))
      .then([]);
  });

  it('records another message of the same provider', () => {
    const eerste = verzoek('b-1', '12345678', 'VIS-2025-07');
    const tweede = verzoek('b-2', '12345678', 'VIS-2025-08');
    spec
      .given([received(eerste)])
      .when(record(tweede))
      .then([received(tweede)]);
  });

  it('finds the referrer by provider and the provider’s reference, and nothing else', () => {
    const state = fold(ijwVerzoekenDecider, [
      received(verzoek('b-1', '12345678', 'VIS-2025-07')),
      received(verzoek('b-2', '87654321', 'VIS-2025-07', { type: '04', naam: null })),
    ]);
    expect(verwijzerVanVerzoek(state, '12345678', 'VIS-2025-07')).toEqual(huisarts);
    expect(verwijzerVanVerzoek(state, '87654321', 'VIS-2025-07')).toEqual({
      type: '04',
      naam: null,
    });
    // Another provider's reference, an unknown reference, or an assignment without one.
    expect(verwijzerVanVerzoek(state, '11111111', 'VIS-2025-07')).toBeNull();
    expect(verwijzerVanVerzoek(state, '12345678', 'VIS-2025-99')).toBeNull();
    expect(verwijzerVanVerzoek(state, '12345678', undefined)).toBeNull();
  });
});

import { Gezinsplan, describePlanChange } from './gezinsplan';

const plan: Gezinsplan = {
  hulpvraag: 'Rust in huis',
  doelen: [
    { doelId: 'd-1', leefgebied: 'opvoeding', persoonId: null, omschrijving: 'Vaste bedtijden' },
  ],
  afspraken: [
    {
      afspraakId: 'a-1',
      wie: 'Mark',
      wat: 'Maakt een weekschema',
      uiterlijk: '2026-03-15',
      status: 'open',
      doelId: 'd-1',
    },
  ],
  evaluatiedatum: '2026-06-01',
  toestemming: { delen: true, vastgelegdOp: '2026-03-01', toelichting: null },
};

describe('describePlanChange', () => {
  it('says nothing when nothing changed', () => {
    expect(describePlanChange(plan, plan)).toEqual([]);
  });

  it('names each kind of change in plain words', () => {
    const after: Gezinsplan = {
      ...plan,
      hulpvraag: 'Rust in huis en school',
      doelen: [
        ...plan.doelen,
        { doelId: 'd-2', leefgebied: 'onderwijs', persoonId: null, omschrijving: 'Naar school' },
      ],
      afspraken: [{ ...plan.afspraken[0]!, status: 'afgerond' }],
      evaluatiedatum: '2026-07-01',
      toestemming: { ...plan.toestemming, delen: false },
    };
    expect(describePlanChange(plan, after)).toEqual([
      'de hulpvraag is anders verwoord',
      '1 doel erbij',
      'afspraak "Maakt een weekschema" is nu afgerond',
      'evaluatie verzet naar 2026-07-01',
      'het gezin trekt de toestemming om te delen in',
    ]);
    expect(describePlanChange(after, { ...after, doelen: [], afspraken: [] })).toEqual([
      '2 doelen eraf',
      '1 afspraak eraf',
    ]);
  });
});

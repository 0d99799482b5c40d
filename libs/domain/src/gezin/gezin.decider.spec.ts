import { NotFound, RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import { gezinDecider } from './gezin.decider';
import { GezinEvent, Gezinslid } from './gezin.events';

const spec = deciderSpecification(gezinDecider);
const now = new Date('2026-03-01T10:00:00Z');

const sanne: Gezinslid = {
  persoonId: 'p-sanne',
  rol: 'jeugdige',
  voornaam: 'Sanne',
  achternaam: 'Jansen',
  geboortedatum: '2012-05-04',
};
const mark: Gezinslid = {
  persoonId: 'p-mark',
  rol: 'ouder',
  voornaam: 'Mark',
  achternaam: 'Jansen',
  geboortedatum: null,
};
const registered: GezinEvent = {
  type: 'GezinRegistered',
  data: { gezinId: 'g-1', naam: 'Jansen', leden: [sanne, mark], registeredBy: 'u-anna' },
};
const anna = { userId: 'u-anna', naam: 'Anna de Vries', organisatie: 'Wijkteam Noord' };

describe('gezin decider', () => {
  describe('RegisterGezin', () => {
    const register = (leden: Gezinslid[]) =>
      ({
        type: 'RegisterGezin',
        gezinId: 'g-1',
        naam: 'Jansen',
        leden,
        registeredBy: 'u-anna',
      }) as const;

    it('registers a family with a youth and a parent', () => {
      spec
        .given([])
        .when(register([sanne, mark]), now)
        .then([registered]);
    });

    it('refuses a family without a youth', () => {
      spec
        .given([])
        .when(register([mark]), now)
        .thenThrows(RuleViolation, /ten minste één jeugdige/);
    });

    it('refuses a youth without a birth date', () => {
      spec
        .given([])
        .when(register([{ ...sanne, geboortedatum: null }]), now)
        .thenThrows(RuleViolation, /geboortedatum van Sanne ontbreekt/);
    });

    it('refuses a birth date in the future', () => {
      spec
        .given([])
        .when(register([{ ...sanne, geboortedatum: '2026-03-02' }]), now)
        .thenThrows(RuleViolation, /in de toekomst/);
    });

    it('refuses the same person twice', () => {
      spec
        .given([])
        .when(register([sanne, sanne]), now)
        .thenThrows(RuleViolation, /twee keer/);
    });

    it('refuses registering a family twice', () => {
      spec
        .given([registered])
        .when(register([sanne]), now)
        .thenThrows(RuleViolation, /al geregistreerd/);
    });
  });

  describe('AddGezinslid', () => {
    const daan: Gezinslid = {
      ...sanne,
      persoonId: 'p-daan',
      voornaam: 'Daan',
      geboortedatum: '2015-01-31',
    };

    it('adds a member', () => {
      spec
        .given([registered])
        .when({ type: 'AddGezinslid', lid: daan }, now)
        .then([{ type: 'GezinslidAdded', data: { gezinId: 'g-1', lid: daan } }]);
    });

    it('refuses a person who is already a member', () => {
      spec
        .given([registered])
        .when({ type: 'AddGezinslid', lid: sanne }, now)
        .thenThrows(RuleViolation, /hoort al bij het gezin/);
    });

    it('answers not found for a family that does not exist', () => {
      spec.given([]).when({ type: 'AddGezinslid', lid: daan }, now).thenThrows(NotFound);
    });
  });

  describe('AssignContactpersoon', () => {
    const assign = {
      type: 'AssignContactpersoon',
      contactpersoon: anna,
      vanaf: '2026-03-01',
    } as const;
    const assigned: GezinEvent = {
      type: 'ContactpersoonAssigned',
      data: { gezinId: 'g-1', contactpersoon: anna, vanaf: '2026-03-01' },
    };

    it('assigns the first contact person', () => {
      spec.given([registered]).when(assign, now).then([assigned]);
    });

    it('refuses a second contact person while one is active, naming the active one', () => {
      spec
        .given([registered, assigned])
        .when({ ...assign, contactpersoon: { ...anna, userId: 'u-bram', naam: 'Bram' } }, now)
        .thenThrows(RuleViolation, /al een contactpersoon \(Anna de Vries, Wijkteam Noord/);
    });

    it('answers not found for a family that does not exist', () => {
      spec.given([]).when(assign, now).thenThrows(NotFound);
    });
  });
});

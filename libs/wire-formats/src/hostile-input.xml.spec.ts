import { describeHostileInput } from '../testing/hostile-input';

// XML formats: NITF, NewsML 1.2, NewsML-G2, RSS, Atom, Ritzau. The others are in hostile-input.spec.ts.
describe('hostile input to parseWire (XML)', () => {
  describeHostileInput((format) => format.contentType.includes('xml'));
});

import { splitAgencyDateline } from './agency-dateline';

describe('splitAgencyDateline', () => {
  it.each([
    ['Berlin (dpa) - Talks could fail.', 'Berlin', 'dpa', 'Talks could fail.'],
    ['BUENOS AIRES, Argentina (AP) _ For cancer patients.', 'BUENOS AIRES, Argentina', 'AP', 'For cancer patients.'],
    ['San Diego (tca/dpa) - History says.', 'San Diego', 'tca/dpa', 'History says.'],
    ['GROSSETO, Italy (AP) -- The trial began.', 'GROSSETO, Italy', 'AP', 'The trial began.'],
    ['Jan. 12 (BusinessDesk) - The receivers said.', 'Jan. 12', 'BusinessDesk', 'The receivers said.'],
  ])('splits %s', (paragraph, dateline, agency, rest) => {
    expect(splitAgencyDateline(paragraph)).toEqual({ dateline, agency, rest });
  });

  it('leaves paragraphs without an agency dateline alone', () => {
    expect(splitAgencyDateline('The minister (SPD) - who spoke first - said no.')).toBeNull();
    expect(splitAgencyDateline('No dateline here.')).toBeNull();
  });
});

// The names of the house styles shipped with clu (styles/NAME/style.yaml): a module of its own so that
// the schema and the command line can list them without reading the files.
export const HOUSE_STYLES = [
  'prefecture',
  'conseil-municipal',
  'conseil-communautaire',
  'conseil-administration',
  'assemblee-generale',
  'cse',
  'commission-consultative',
] as const;
export type HouseStyleName = (typeof HOUSE_STYLES)[number];

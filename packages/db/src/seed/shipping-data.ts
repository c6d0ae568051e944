/** The demo shop's shipping: what each product weighs, and where and how it ships. */

/** Grams per unit; a product not listed here is not posted (the gift card). */
export const seedWeights: Record<string, number> = {
  'ridgeline-waterproof-shell': 420,
  'harbour-wool-peacoat': 1_600,
  'drift-down-jacket': 550,
  'squall-rain-poncho': 300,
  'fell-insulated-vest': 350,
  'storm-anorak': 480,
  'wind-shirt': 110,
  'quilted-liner-jacket': 400,
  'merino-base-layer-crew': 180,
  'organic-cotton-tee': 200,
  'fisherman-wool-sweater': 900,
  'grid-fleece-hoodie': 450,
  'sun-hoodie': 220,
  'flannel-overshirt': 450,
  'merino-wool-half-zip': 320,
  'linen-camp-shirt': 230,
  'thermal-waffle-henley': 300,
  'trail-trousers': 380,
  'canvas-work-pants': 700,
  'river-shorts': 200,
  'merino-leggings': 190,
  'waterproof-overtrousers': 330,
  'cord-camp-trousers': 650,
  'summit-leather-boots': 1_800,
  'trail-runner': 620,
  'camp-slip-on': 500,
  'wool-hiking-socks': 90,
  'waterproof-gaiters': 250,
  'approach-shoe': 820,
  'recovery-sandal': 450,
  'daypack-22': 750,
  'roll-top-backpack': 1_100,
  'canvas-tote': 350,
  'hip-pack': 280,
  'duffel-60': 1_400,
  'dry-bag-set': 260,
  'waxed-messenger': 1_200,
  'enamel-camp-mug': 280,
  'wool-camp-blanket': 1_900,
  lantern: 650,
  'titanium-spork': 20,
  'pour-over-kit': 900,
  'cast-iron-skillet': 2_600,
  'beeswax-candle': 400,
  'wool-beanie': 90,
};

export interface SeedRate {
  name: string;
  minDays: number;
  maxDays: number;
  /** USD cents. */
  amount: number;
  freeAbove: number | null;
  minWeightGrams: number;
  maxWeightGrams: number | null;
}

export const seedShippingZones: { name: string; countries: string[]; rates: SeedRate[] }[] = [
  {
    name: 'United States',
    countries: ['US'],
    rates: [
      {
        name: 'Standard',
        minDays: 3,
        maxDays: 5,
        amount: 600,
        freeAbove: 10_000,
        minWeightGrams: 0,
        maxWeightGrams: 5_000,
      },
      {
        name: 'Express',
        minDays: 1,
        maxDays: 2,
        amount: 1_800,
        freeAbove: null,
        minWeightGrams: 0,
        maxWeightGrams: 5_000,
      },
      {
        name: 'Freight',
        minDays: 5,
        maxDays: 8,
        amount: 2_500,
        freeAbove: null,
        minWeightGrams: 5_000,
        maxWeightGrams: null,
      },
    ],
  },
  {
    name: 'International',
    countries: ['CA', 'GB', 'IE', 'DE', 'FR', 'NL', 'SE', 'AU', 'JP'],
    rates: [
      {
        name: 'International',
        minDays: 6,
        maxDays: 12,
        amount: 2_200,
        freeAbove: 25_000,
        minWeightGrams: 0,
        maxWeightGrams: 10_000,
      },
      {
        name: 'International express',
        minDays: 2,
        maxDays: 4,
        amount: 4_500,
        freeAbove: null,
        minWeightGrams: 0,
        maxWeightGrams: 10_000,
      },
    ],
  },
];

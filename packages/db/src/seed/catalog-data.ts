/**
 * The demo shop: six collections and 46 products of an outdoor goods store.
 * Variants are spelled out from each product's sizes and colours; stock comes
 * from a fixed rule, so the seed is the same on every machine.
 */
export interface SeedCollection {
  slug: string;
  title: string;
  description: string;
  featured: boolean;
}
export interface SeedVariant {
  sku: string;
  options: Record<string, string>;
  /** Integer minor units (cents), USD. */
  price: number;
  stock: number;
}
export interface SeedImage {
  alt: string;
  background: string;
  foreground: string;
}
export interface SeedProduct {
  slug: string;
  title: string;
  description: string;
  collections: string[];
  featuredRank: number | null;
  createdDaysAgo: number;
  images: SeedImage[];
  variants: SeedVariant[];
}

export const seedCollections: SeedCollection[] = [
  {
    slug: 'outerwear',
    title: 'Outerwear',
    description: 'Shells, insulated jackets and rain gear for weather that changes its mind.',
    featured: true,
  },
  {
    slug: 'tops',
    title: 'Tops',
    description: 'Base layers, tees and knits that breathe on the climb and warm at the top.',
    featured: true,
  },
  {
    slug: 'bottoms',
    title: 'Bottoms',
    description: 'Trail trousers, shorts and tights cut to move.',
    featured: false,
  },
  {
    slug: 'footwear',
    title: 'Footwear',
    description: 'Boots, trail runners and camp shoes, resoleable where it counts.',
    featured: true,
  },
  {
    slug: 'bags',
    title: 'Bags',
    description: 'Daypacks, totes and roll-tops that carry a day out or a week away.',
    featured: true,
  },
  {
    slug: 'home',
    title: 'Home & Camp',
    description: 'Mugs, blankets and small things for the table, the tent and the porch.',
    featured: false,
  },
];

/** Colour names and the hex they are drawn in. */
const colours: Record<string, string> = {
  Forest: '#2f5d3a',
  Sand: '#cdb891',
  Slate: '#4a5560',
  Rust: '#a4492a',
  Ochre: '#c8922b',
  Navy: '#22304a',
  Charcoal: '#333436',
  Oat: '#e3d9c6',
  Sky: '#7fa8c9',
  Moss: '#6b7a3a',
  Clay: '#b5735a',
  Black: '#1c1c1c',
};

const APPAREL = ['XS', 'S', 'M', 'L', 'XL'];
const SHOES = ['38', '39', '40', '41', '42', '43', '44', '45'];

interface Row {
  slug: string;
  title: string;
  description: string;
  collections: string[];
  /** Cents. */
  price: number;
  sizes?: string[];
  colours?: string[];
  /** Extra cents for the largest sizes (XL, 45). */
  bigSizeSurcharge?: number;
  featuredRank?: number;
  createdDaysAgo: number;
  /** Every variant stock 0. */
  soldOut?: boolean;
  /** Stock of the variants, cycled; defaults to a fixed mix. */
  stock?: number[];
  images?: number;
}

const rows: Row[] = [
  // Outerwear
  {
    slug: 'ridgeline-waterproof-shell',
    title: 'Ridgeline Waterproof Shell',
    description:
      'A three-layer waterproof shell with taped seams, pit zips and a helmet-friendly hood. Packs into its own chest pocket and shrugs off sideways rain.',
    collections: ['outerwear'],
    price: 28900,
    sizes: APPAREL,
    colours: ['Forest', 'Rust', 'Navy'],
    featuredRank: 1,
    createdDaysAgo: 12,
    images: 3,
  },
  {
    slug: 'harbour-wool-peacoat',
    title: 'Harbour Wool Peacoat',
    description:
      'Dense boiled wool, a storm collar and horn buttons. Warm enough for a winter harbour walk and smart enough for dinner after.',
    collections: ['outerwear'],
    price: 34900,
    sizes: APPAREL,
    colours: ['Navy', 'Charcoal'],
    bigSizeSurcharge: 1000,
    featuredRank: 6,
    createdDaysAgo: 90,
    images: 2,
  },
  {
    slug: 'drift-down-jacket',
    title: 'Drift Down Jacket',
    description:
      'Responsibly sourced 750-fill down in a light ripstop shell. Stuffs into a pocket the size of a grapefruit.',
    collections: ['outerwear'],
    price: 24900,
    sizes: APPAREL,
    colours: ['Ochre', 'Slate', 'Black'],
    featuredRank: 3,
    createdDaysAgo: 30,
    images: 2,
  },
  {
    slug: 'squall-rain-poncho',
    title: 'Squall Rain Poncho',
    description:
      'A waterproof poncho that covers you and your pack. Snaps into sleeves, doubles as a groundsheet in a pinch.',
    collections: ['outerwear'],
    price: 6900,
    colours: ['Sky', 'Ochre'],
    createdDaysAgo: 200,
  },
  {
    slug: 'fell-insulated-vest',
    title: 'Fell Insulated Vest',
    description:
      'Synthetic insulation that stays warm when damp, in a vest that layers under a shell without bulk.',
    collections: ['outerwear', 'tops'],
    price: 11900,
    sizes: APPAREL,
    colours: ['Moss', 'Charcoal'],
    createdDaysAgo: 75,
    stock: [0, 3, 8, 0, 2],
  },
  {
    slug: 'storm-anorak',
    title: 'Storm Anorak',
    description:
      'A half-zip waterproof anorak with a kangaroo pocket, cut long to cover a harness. Retired colourway: sold through.',
    collections: ['outerwear'],
    price: 17900,
    sizes: APPAREL,
    colours: ['Rust'],
    soldOut: true,
    createdDaysAgo: 310,
  },
  {
    slug: 'wind-shirt',
    title: 'Gust Wind Shirt',
    description:
      'A featherweight windproof shirt that breathes on fast hikes. It weighs less than an apple and blocks the chill on a ridge.',
    collections: ['outerwear'],
    price: 9900,
    sizes: APPAREL,
    colours: ['Sky', 'Sand'],
    createdDaysAgo: 5,
    images: 2,
  },
  {
    slug: 'quilted-liner-jacket',
    title: 'Quilted Liner Jacket',
    description:
      'A diamond-quilted liner to wear alone in autumn or under a shell in winter. Snap front, two hand pockets.',
    collections: ['outerwear'],
    price: 12900,
    sizes: APPAREL,
    colours: ['Oat', 'Forest'],
    createdDaysAgo: 140,
  },
  // Tops
  {
    slug: 'merino-base-layer-crew',
    title: 'Merino Base Layer Crew',
    description:
      'Fine 190 g merino wool next to the skin: warm when cold, cool when warm, and slow to smell after days on the trail.',
    collections: ['tops'],
    price: 8900,
    sizes: APPAREL,
    colours: ['Charcoal', 'Forest', 'Clay'],
    featuredRank: 2,
    createdDaysAgo: 20,
    images: 2,
  },
  {
    slug: 'organic-cotton-tee',
    title: 'Organic Cotton Tee',
    description:
      'A heavyweight organic cotton tee with a relaxed fit that keeps its shape wash after wash.',
    collections: ['tops'],
    price: 3400,
    sizes: APPAREL,
    colours: ['Oat', 'Black', 'Moss', 'Sky'],
    createdDaysAgo: 8,
  },
  {
    slug: 'fisherman-wool-sweater',
    title: 'Fisherman Wool Sweater',
    description:
      'A cabled sweater in undyed lambswool, knitted dense enough to stop a sea breeze. It will outlast the person who buys it.',
    collections: ['tops'],
    price: 15900,
    sizes: APPAREL,
    colours: ['Oat', 'Navy'],
    bigSizeSurcharge: 800,
    featuredRank: 7,
    createdDaysAgo: 60,
    stock: [4, 2, 9, 12, 1],
  },
  {
    slug: 'grid-fleece-hoodie',
    title: 'Grid Fleece Hoodie',
    description:
      'Grid-backed fleece that traps heat and dumps sweat, with a close hood that fits under a helmet.',
    collections: ['tops'],
    price: 9900,
    sizes: APPAREL,
    colours: ['Rust', 'Slate'],
    createdDaysAgo: 45,
  },
  {
    slug: 'sun-hoodie',
    title: 'Shade Sun Hoodie',
    description:
      'A UPF 50 sun hoodie with thumb loops and a scuba hood, for long days above the tree line.',
    collections: ['tops'],
    price: 6900,
    sizes: APPAREL,
    colours: ['Sky', 'Sand'],
    createdDaysAgo: 3,
  },
  {
    slug: 'flannel-overshirt',
    title: 'Flannel Overshirt',
    description:
      'Brushed cotton flannel with two chest pockets, heavy enough to wear as a light jacket by the fire.',
    collections: ['tops'],
    price: 7900,
    sizes: APPAREL,
    colours: ['Rust', 'Forest'],
    createdDaysAgo: 100,
  },
  {
    slug: 'merino-wool-half-zip',
    title: 'Merino Wool Half-Zip',
    description:
      'A midweight merino wool half-zip, the layer you reach for at the summit and forget you are wearing.',
    collections: ['tops'],
    price: 11900,
    sizes: APPAREL,
    colours: ['Charcoal'],
    soldOut: true,
    createdDaysAgo: 160,
  },
  {
    slug: 'linen-camp-shirt',
    title: 'Linen Camp Shirt',
    description:
      'A boxy short-sleeved linen shirt for hot evenings. Gets softer and better every summer.',
    collections: ['tops'],
    price: 6400,
    sizes: APPAREL,
    colours: ['Oat', 'Clay'],
    createdDaysAgo: 15,
  },
  {
    slug: 'thermal-waffle-henley',
    title: 'Thermal Waffle Henley',
    description: 'A waffle-knit henley that holds warm air close. The winter camp staple.',
    collections: ['tops'],
    price: 5400,
    sizes: APPAREL,
    colours: ['Oat', 'Moss', 'Navy'],
    createdDaysAgo: 230,
    stock: [0, 0, 5, 2, 0],
  },
  // Bottoms
  {
    slug: 'trail-trousers',
    title: 'Switchback Trail Trousers',
    description:
      'Stretch ripstop trousers with articulated knees, a gusseted crotch and zipped thigh pockets.',
    collections: ['bottoms'],
    price: 11900,
    sizes: ['28', '30', '32', '34', '36'],
    colours: ['Sand', 'Charcoal'],
    featuredRank: 5,
    createdDaysAgo: 25,
  },
  {
    slug: 'canvas-work-pants',
    title: 'Canvas Work Pants',
    description:
      'Waxed cotton canvas that stiffens, then breaks in to fit you alone. Double knees for kneeling in the garden.',
    collections: ['bottoms'],
    price: 9900,
    sizes: ['28', '30', '32', '34', '36'],
    colours: ['Ochre', 'Black'],
    createdDaysAgo: 130,
  },
  {
    slug: 'river-shorts',
    title: 'River Shorts',
    description:
      'Quick-dry nylon shorts with a 7-inch inseam and a mesh liner, from the rope swing to the trail.',
    collections: ['bottoms'],
    price: 5400,
    sizes: APPAREL,
    colours: ['Sky', 'Moss', 'Rust'],
    createdDaysAgo: 10,
  },
  {
    slug: 'merino-leggings',
    title: 'Merino Leggings',
    description:
      'Merino wool leggings for cold nights in a sleeping bag or under waterproof trousers in sleet.',
    collections: ['bottoms'],
    price: 7900,
    sizes: APPAREL,
    colours: ['Black'],
    createdDaysAgo: 70,
    stock: [1, 2, 3, 0, 4],
  },
  {
    slug: 'waterproof-overtrousers',
    title: 'Waterproof Overtrousers',
    description:
      'Full-length side zips so they go on over boots. Waterproof, breathable, and small in a pack.',
    collections: ['bottoms', 'outerwear'],
    price: 13900,
    sizes: APPAREL,
    colours: ['Black'],
    createdDaysAgo: 180,
  },
  {
    slug: 'cord-camp-trousers',
    title: 'Cord Camp Trousers',
    description:
      'Wide-wale corduroy trousers with an elastic back waist, made for the hut and the train home.',
    collections: ['bottoms'],
    price: 8900,
    sizes: ['28', '30', '32', '34', '36'],
    colours: ['Clay'],
    soldOut: true,
    createdDaysAgo: 280,
  },
  // Footwear
  {
    slug: 'summit-leather-boots',
    title: 'Summit Leather Boots',
    description:
      'Full-grain leather boots on a stitched welt, resoleable for a decade of trips. A waterproof membrane keeps bogs out.',
    collections: ['footwear'],
    price: 29900,
    sizes: SHOES,
    colours: ['Rust', 'Black'],
    featuredRank: 4,
    createdDaysAgo: 40,
    images: 2,
  },
  {
    slug: 'trail-runner',
    title: 'Contour Trail Runner',
    description:
      'A grippy, cushioned trail shoe with a rock plate and a roomy toe box for long downhill miles.',
    collections: ['footwear'],
    price: 15900,
    sizes: SHOES,
    colours: ['Slate', 'Ochre'],
    createdDaysAgo: 6,
    stock: [0, 2, 6, 11, 14, 3, 1, 0],
  },
  {
    slug: 'camp-slip-on',
    title: 'Camp Slip-On',
    description: 'A quilted slip-on with a fold-down heel for the walk from tent to fire.',
    collections: ['footwear'],
    price: 6900,
    sizes: SHOES,
    colours: ['Oat', 'Forest'],
    createdDaysAgo: 115,
  },
  {
    slug: 'wool-hiking-socks',
    title: 'Wool Hiking Socks, 3 Pack',
    description:
      'Cushioned merino wool blend socks with a seamless toe. Three pairs, because one is always drying.',
    collections: ['footwear'],
    price: 3900,
    sizes: ['S', 'M', 'L'],
    createdDaysAgo: 18,
  },
  {
    slug: 'waterproof-gaiters',
    title: 'Waterproof Gaiters',
    description:
      'Knee-high waterproof gaiters with a tough instep strap, for snow, scree and deep heather.',
    collections: ['footwear'],
    price: 5900,
    sizes: ['S/M', 'L/XL'],
    createdDaysAgo: 260,
  },
  {
    slug: 'approach-shoe',
    title: 'Scramble Approach Shoe',
    description:
      'Sticky rubber to the toe for the scramble up to the crag. Sold out until the next batch is made.',
    collections: ['footwear'],
    price: 17900,
    sizes: SHOES,
    colours: ['Slate'],
    soldOut: true,
    createdDaysAgo: 330,
  },
  {
    slug: 'recovery-sandal',
    title: 'Recovery Sandal',
    description:
      'A soft footbed sandal for the end of a long day, with a strap that adjusts without buckles.',
    collections: ['footwear'],
    price: 4900,
    sizes: SHOES,
    colours: ['Black', 'Clay'],
    createdDaysAgo: 2,
  },
  // Bags
  {
    slug: 'daypack-22',
    title: 'Cascade Daypack 22 L',
    description:
      'A 22-litre daypack with a padded back panel, a hydration sleeve and a stretch pocket for the wet jacket.',
    collections: ['bags'],
    price: 12900,
    colours: ['Forest', 'Black', 'Ochre'],
    featuredRank: 8,
    createdDaysAgo: 22,
    images: 2,
  },
  {
    slug: 'roll-top-backpack',
    title: 'Roll-Top Backpack 30 L',
    description:
      'A waterproof roll-top pack in welded fabric. Rain, river spray and bike commutes stay outside.',
    collections: ['bags'],
    price: 15900,
    colours: ['Slate', 'Rust'],
    featuredRank: 10,
    createdDaysAgo: 55,
    stock: [3, 0],
  },
  {
    slug: 'canvas-tote',
    title: 'Market Canvas Tote',
    description:
      'Heavy canvas tote with leather handles and an inside pocket for keys. Carries the week’s shop.',
    collections: ['bags'],
    price: 4500,
    colours: ['Oat', 'Navy'],
    createdDaysAgo: 35,
  },
  {
    slug: 'hip-pack',
    title: 'Ridge Hip Pack',
    description:
      'Wear it at the hip or across the chest: snacks, phone and map to hand without stopping.',
    collections: ['bags'],
    price: 4900,
    colours: ['Black', 'Moss', 'Sky'],
    createdDaysAgo: 9,
  },
  {
    slug: 'duffel-60',
    title: 'Expedition Duffel 60 L',
    description:
      'A burly, water-resistant duffel with backpack straps that stow away. Survives baggage halls and boat decks.',
    collections: ['bags'],
    price: 17900,
    colours: ['Ochre', 'Black'],
    createdDaysAgo: 150,
  },
  {
    slug: 'dry-bag-set',
    title: 'Dry Bag Set',
    description:
      'Three roll-top dry bags, 5, 10 and 20 litres, to keep a sleeping bag and spare layers dry in any pack.',
    collections: ['bags'],
    price: 3900,
    createdDaysAgo: 240,
  },
  {
    slug: 'waxed-messenger',
    title: 'Waxed Messenger Bag',
    description:
      'Waxed canvas and bridle leather with a laptop sleeve. Discontinued; the last ones have gone.',
    collections: ['bags'],
    price: 16900,
    colours: ['Forest'],
    soldOut: true,
    createdDaysAgo: 350,
  },
  // Home & Camp
  {
    slug: 'enamel-camp-mug',
    title: 'Enamel Camp Mug',
    description:
      'A speckled enamel mug that goes on the stove and in the dishwasher. Holds 350 ml of strong coffee.',
    collections: ['home'],
    price: 1800,
    colours: ['Navy', 'Forest', 'Oat', 'Rust'],
    featuredRank: 9,
    createdDaysAgo: 14,
  },
  {
    slug: 'wool-camp-blanket',
    title: 'Wool Camp Blanket',
    description:
      'A heavy wool blanket woven in a striped pattern. Over the knees by the fire or on the bed at the cabin.',
    collections: ['home'],
    price: 14900,
    colours: ['Rust', 'Slate'],
    featuredRank: 11,
    createdDaysAgo: 80,
    stock: [2, 5],
  },
  {
    slug: 'lantern',
    title: 'Ember Rechargeable Lantern',
    description:
      'A warm-light lantern that charges over USB-C and runs for 40 hours on low. Hangs from a tent loop.',
    collections: ['home'],
    price: 5900,
    createdDaysAgo: 28,
  },
  {
    slug: 'titanium-spork',
    title: 'Titanium Spork',
    description:
      'One utensil for every meal, in titanium that weighs next to nothing and never bends.',
    collections: ['home'],
    price: 1200,
    createdDaysAgo: 190,
  },
  {
    slug: 'pour-over-kit',
    title: 'Trail Pour-Over Kit',
    description: 'A collapsible silicone dripper and 40 filters. Good coffee at 2,000 metres.',
    collections: ['home'],
    price: 2900,
    createdDaysAgo: 11,
  },
  {
    slug: 'cast-iron-skillet',
    title: 'Cast Iron Skillet 25 cm',
    description:
      'A pre-seasoned cast iron skillet for the campfire grate or the kitchen hob. It will outlive us all.',
    collections: ['home'],
    price: 5400,
    createdDaysAgo: 300,
    soldOut: true,
  },
  {
    slug: 'beeswax-candle',
    title: 'Beeswax Candle',
    description:
      'Hand-poured beeswax with a cotton wick and a faint scent of honey. Burns for 30 hours.',
    collections: ['home'],
    price: 1600,
    colours: ['Ochre', 'Oat'],
    createdDaysAgo: 50,
  },
  {
    slug: 'gift-card',
    title: 'Edgecart Gift Card',
    description:
      'A gift card delivered by email, redeemable on anything in the shop. Never expires.',
    collections: ['home'],
    price: 5000,
    createdDaysAgo: 365,
    featuredRank: 12,
  },
  {
    slug: 'wool-beanie',
    title: 'Ribbed Wool Beanie',
    description: 'A rib-knit lambswool beanie with a fold-up cuff. Warm, soft and not itchy.',
    collections: ['home', 'tops'],
    price: 2900,
    colours: ['Rust', 'Navy', 'Oat', 'Moss'],
    createdDaysAgo: 4,
    stock: [0, 12, 1, 7],
  },
];

/** A fixed mix: plenty, a few, one, none... so listings show every stock state. */
const DEFAULT_STOCK = [24, 12, 3, 18, 0, 31, 9, 1, 40, 15, 6, 22];

const abbreviation = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 3)
    .toUpperCase();

function variantsOf(row: Row, index: number): SeedVariant[] {
  const sizes = row.sizes ?? [undefined];
  const rowColours = row.colours ?? [undefined];
  const base = row.slug
    .split('-')
    .map((w) => w[0])
    .join('')
    .toUpperCase()
    .slice(0, 5);
  const variants: SeedVariant[] = [];
  for (const colour of rowColours) {
    for (const size of sizes) {
      const options: Record<string, string> = {};
      if (size) options.Size = size;
      if (colour) options.Colour = colour;
      const n = variants.length;
      const stock = row.soldOut
        ? 0
        : (row.stock?.[n % row.stock.length] ??
          DEFAULT_STOCK[(index * 5 + n) % DEFAULT_STOCK.length] ??
          10);
      const big = size === 'XL' || size === '45' || size === '36';
      variants.push({
        sku: [base, String(index + 1).padStart(2, '0'), size, colour && abbreviation(colour)]
          .filter(Boolean)
          .join('-'),
        options,
        price: row.price + (big ? (row.bigSizeSurcharge ?? 0) : 0),
        stock,
      });
    }
  }
  return variants;
}

const backgrounds = ['#efe9dd', '#e4ebe3', '#e8e6f0', '#f2e6df', '#e3eaf0'];

export const seedProducts: SeedProduct[] = rows.map((row, index) => {
  const imageColours = row.colours ?? ['Slate'];
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    collections: row.collections,
    featuredRank: row.featuredRank ?? null,
    createdDaysAgo: row.createdDaysAgo,
    images: Array.from({ length: row.images ?? 1 }, (_, i) => {
      const colour = imageColours[i % imageColours.length] ?? 'Slate';
      return {
        alt: `${row.title}${row.colours ? ` in ${colour}` : ''}, ${['front view', 'back view', 'detail'][i] ?? 'view'}`,
        background: backgrounds[(index + i) % backgrounds.length] ?? '#efe9dd',
        foreground: colours[colour] ?? '#4a5560',
      };
    }),
    variants: variantsOf(row, index),
  };
});

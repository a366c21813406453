// Word pools for the seeded dataset. Varied on purpose: accents, letters outside Latin-1,
// apostrophes, particles and a few non-Latin scripts, so search and rendering get exercised.

export interface GivenName {
  readonly name: string;
  readonly gender: "Male" | "Female" | "Unspecified";
}

export const GIVEN_NAMES: readonly GivenName[] = [
  { name: "Anna", gender: "Female" },
  { name: "Giulia", gender: "Female" },
  { name: "Marco", gender: "Male" },
  { name: "Luca", gender: "Male" },
  { name: "Zoë", gender: "Female" },
  { name: "Łukasz", gender: "Male" },
  { name: "Jürgen", gender: "Male" },
  { name: "José", gender: "Male" },
  { name: "Søren", gender: "Male" },
  { name: "Aiko", gender: "Female" },
  { name: "Chloé", gender: "Female" },
  { name: "François", gender: "Male" },
  { name: "Priya", gender: "Female" },
  { name: "Wei", gender: "Male" },
  { name: "Olga", gender: "Female" },
  { name: "Mehmet", gender: "Male" },
  { name: "Siobhán", gender: "Female" },
  { name: "Emma", gender: "Female" },
  { name: "Noah", gender: "Male" },
  { name: "Lena", gender: "Female" },
  { name: "Omar", gender: "Male" },
  { name: "Fatima", gender: "Female" },
  { name: "Kwame", gender: "Male" },
  { name: "Amara", gender: "Female" },
  { name: "Björn", gender: "Male" },
  { name: "Åsa", gender: "Female" },
  { name: "Dmitri", gender: "Male" },
  { name: "João", gender: "Male" },
  { name: "Camille", gender: "Unspecified" },
  { name: "Hiroshi", gender: "Male" },
  { name: "Yuki", gender: "Unspecified" },
  { name: "Ravi", gender: "Male" },
  { name: "Aisha", gender: "Female" },
  { name: "Tomás", gender: "Male" },
  { name: "Zuzana", gender: "Female" },
  { name: "Ömer", gender: "Male" },
  { name: "Ewa", gender: "Female" },
  { name: "Niamh", gender: "Female" },
  { name: "Maëlle", gender: "Female" },
  { name: "Élodie", gender: "Female" },
  { name: "Sven", gender: "Male" },
  { name: "Kai", gender: "Unspecified" },
  { name: "Mark", gender: "Male" },
  { name: "Sam", gender: "Unspecified" },
];

export const FAMILY_NAMES: readonly string[] = [
  "Rossi",
  "Bianchi",
  "Müller",
  "Schulz",
  "Nowak",
  "Kowalski",
  "Wiśniewska",
  "García",
  "Fernández",
  "Dubois",
  "Lefèvre",
  "Jensen",
  "Sørensen",
  "Tanaka",
  "Sato",
  "Patel",
  "Sharma",
  "Chen",
  "Wang",
  "Nguyễn",
  "Kim",
  "O'Brien",
  "O'Hara",
  "Haddad",
  "Yılmaz",
  "Öztürk",
  "Ivanova",
  "Dvořák",
  "Silva",
  "Costa",
  "Andersson",
  "Smith",
  "Okafor",
  "Mensah",
  "Al-Sayed",
  "van der Berg",
  "de la Cruz",
  "Lee",
];

/** Whole names in scripts a username cannot carry; their usernames fall back to `user<id>`. */
export const NON_LATIN_NAMES: readonly GivenName[] = [
  { name: "李娜", gender: "Female" },
  { name: "王伟", gender: "Male" },
  { name: "Дмитрий Иванов", gender: "Male" },
  { name: "Σοφία Παπαδοπούλου", gender: "Female" },
  { name: "محمد علي", gender: "Male" },
  { name: "佐藤 美咲", gender: "Female" },
];

export const CITIES: readonly { readonly name: string; readonly latLng: string }[] = [
  { name: "Milano", latLng: "45.4642,9.19" },
  { name: "Kraków", latLng: "50.0647,19.945" },
  { name: "München", latLng: "48.1351,11.582" },
  { name: "São Paulo", latLng: "-23.5505,-46.6333" },
  { name: "東京", latLng: "35.6762,139.6503" },
  { name: "Lyon", latLng: "45.764,4.8357" },
  { name: "Dublin", latLng: "53.3498,-6.2603" },
  { name: "Accra", latLng: "5.6037,-0.187" },
  { name: "Bengaluru", latLng: "12.9716,77.5946" },
  { name: "İstanbul", latLng: "41.0082,28.9784" },
];

export const COMPANIES: readonly string[] = [
  "Acme S.p.A.",
  "Globex GmbH",
  "Initech",
  "Umbrella Sp. z o.o.",
  "Société Générale de Café",
  "Tanaka Shōji",
  "Nordlys AS",
];

export const ROLES: readonly string[] = [
  "Product designer",
  "Engineering manager",
  "Sales",
  "Support lead",
  "CTO",
  "Intern",
  "Data analyst",
];

export const BIOS: readonly string[] = [
  "Lifelong learner.",
  "Coffee first, then code ☕",
  "Teaching people to teach people.",
  "Wandern, Lesen, Kochen.",
  "Ciao! Scrivetemi pure.",
];

export const LANGUAGES: readonly string[] = ["en", "it", "de", "pl", "fr", "es", "ja", "pt"];

export const TAG_NAMES: readonly { readonly name: string; readonly color: string }[] = [
  { name: "Mentor", color: "#2e7d32" },
  { name: "Early adopter", color: "#1565c0" },
  { name: "Moderator", color: "#c62828" },
  { name: "Alumni 2025", color: "#6a1b9a" },
];

export const COURSE_TITLES: readonly string[] = [
  "Onboarding for new members",
  "Advanced community management",
  "Writing for the web",
  "Data literacy 101",
  "Paid masterclass: pricing",
  "Draft course (creator only)",
];

export const EVENT_TITLES: readonly string[] = [
  "Community meetup Milano",
  "Webinar: moderation at scale",
  "Office hours",
  "Cancelled workshop",
];

package vigil.jobs.generator;

/** Word lists for names, places and handles: plain data, chosen at random. */
final class Words {
    static final String[] FIRST_NAMES = {"Anna", "Ben", "Chloe", "David", "Elif", "Farah", "George", "Hannah",
        "Ivan", "Julia", "Kofi", "Laura", "Marco", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Sam", "Tariq",
        "Uma", "Victor", "Wei", "Xenia", "Yusuf", "Zoe", "Aisha", "Bruno", "Carmen", "Dmitri", "Emma", "Finn",
        "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pedro", "Rania", "Sofia",
        "Tom", "Lena", "Mateo", "Sara", "Ahmed", "Lucy"};
    static final String[] LAST_NAMES = {"Smith", "Jones", "Schmidt", "Novak", "Rossi", "Garcia", "Khan", "Müller",
        "Dubois", "Jansen", "Kowalski", "Silva", "Nguyen", "Okafor", "Andersen", "Costa", "Fischer", "Murphy",
        "Patel", "Ivanova", "Larsen", "Moreau", "Becker", "Ali", "Brown", "Walsh", "Horvat", "Yilmaz", "Berg",
        "Lopez", "Kim", "Chen", "Taylor", "Weber", "Rahman", "Santos", "Wright", "Hall", "Lindqvist", "Evans"};
    static final String[] TOWNS = {"Riverton", "Eastbrook", "Millford", "Ashby", "Northgate", "Kingsbridge",
        "Elmwood", "Harbour View", "Oakley", "Westfield", "the city centre", "Stonehill", "Greenvale",
        "Lakeside", "Brookhaven", "Old Town", "Fairmead", "Hillcrest"};
    static final String[] HANDLE_WORDS = {"techdad", "nightowl", "coffeelover", "gamer", "runner", "mum_of_3",
        "bikelife", "foodie", "dev", "photo", "travels", "music", "bookworm", "garden", "retro", "skater",
        "chef", "cat_person", "hiker", "movie_buff"};

    private Words() {}
}

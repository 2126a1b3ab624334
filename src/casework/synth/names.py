"""Built-in lists for fictional people and places.

Names are common given names and family names from the communities that make up
England's children's population, combined at random, so no generated person is a real
one. Places (streets, surgeries, schools) are invented, and postcodes use the area
letters "QV", which no real postcode has (Q is never the first letter of one).
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _items(text: str) -> tuple[str, ...]:
    """Comma-separated items (for names with spaces in them)."""
    return tuple(item.strip() for item in text.split(",") if item.strip())


def _shares(text: str) -> tuple[tuple[str, float], ...]:
    """ "English 30, Polish 28" -> (("English", 0.30), ("Polish", 0.28))."""
    out = []
    for item in _items(text):
        name, _, share = item.rpartition(" ")
        out.append((name, float(share) / 100))
    return tuple(out)


# Name groups: (male given names, female given names, family names).
NameGroup = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]

BRITISH: Final[NameGroup] = (
    _words(
        "Oliver George Harry Jack Noah Leo Arthur Charlie Freddie Alfie Theo Oscar "
        "Archie Henry Thomas Joshua Jacob Riley Tyler Kai Mason Logan Ethan Lewis "
        "Callum Jayden Connor Liam Reece Bradley Kieran Jamie Daniel Samuel William Max"
    ),
    _words(
        "Olivia Amelia Isla Ava Mia Ivy Lily Freya Florence Grace Poppy Evie Ella "
        "Sophie Chloe Jessica Emily Ruby Megan Paige Courtney Leah Holly Lacey Skye "
        "Millie Daisy Phoebe Erin Amber Kayla Jade Lauren Charlotte Hannah Maisie"
    ),
    _words(
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright "
        "Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Hughes "
        "Edwards Turner Harris Cooper Hill Ward Morris Moore Clark Lee King Baker "
        "Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett "
        "Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw "
        "Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Chapman "
        "Webb Rogers Gray Mason Hunt Holmes Palmer Fox Lloyd Mills Barnes Knight Butler "
        "Russell Barker Stevens"
    ),
)

IRISH: Final[NameGroup] = (
    _words(
        "Conor Sean Cian Oisin Darragh Padraig Ronan Eoin Fionn Cathal Niall Declan "
        "Aidan Kevin Ciaran Brendan"
    ),
    _words(
        "Aoife Ciara Niamh Saoirse Roisin Siobhan Orla Caoimhe Aisling Sinead Clodagh "
        "Eimear Grainne Mairead Nuala Fiadh"
    ),
    _words(
        "Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill Doyle "
        "McCarthy Gallagher Doherty Kennedy Lynch Quinn Brennan Fitzgerald Nolan "
        "Callaghan"
    ),
)

TRAVELLER: Final[NameGroup] = (
    _words("Patrick Michael John Martin Johnny Francie Tommy Paddy Jimmy Christy Joe Mikey"),
    _words("Bridget Mary Margaret Kathleen Nora Winnie Ellen Annie Josie Marie Teresa Chrissie"),
    _words("Ward McDonagh Joyce Connors Maughan Stokes Delaney Cash Sherlock Doran Collins Reilly"),
)

ROMA: Final[NameGroup] = (
    _words("Ionut Marian Florin Denis Roberto Nicolae Sorin Marius Dusan Milan Tibor Ondrej"),
    _words(
        "Mirela Daniela Roxana Florentina Gabriela Lenka Monika Simona Denisa Zaneta "
        "Ramona Nikoleta"
    ),
    _words("Stoica Lacatus Dinca Rostas Balog Horvath Lakatos Cina Demeter Kaleja Bunda Sandor"),
)

EAST_EUROPEAN: Final[NameGroup] = (
    _words(
        "Jakub Kacper Szymon Filip Mateusz Antoni Andrei Stefan Vlad Lukas Mantas "
        "Dominik Tomasz Bartosz Rafael Tiago Kristian Georgi Arben Oleksandr"
    ),
    _words(
        "Zuzanna Julia Maja Lena Hanna Natalia Alexandra Ioana Bianca Emilija Gabija "
        "Viktoria Oliwia Wiktoria Beatriz Mariana Elena Desislava Ardita Sofiia"
    ),
    _words(
        "Nowak Kowalski Wisniewski Wojcik Kaminski Lewandowski Popescu Ionescu Radu "
        "Kazlauskas Petrauskas Silva Santos Ferreira Ivanov Georgiev Hoxha Krasniqi "
        "Kovalenko Shevchenko Novak Horvat Nagy Szabo"
    ),
)

INDIAN: Final[NameGroup] = (
    _words(
        "Arjun Aarav Rohan Vihaan Dev Krish Aryan Harjot Gurpreet Jaskaran Rahul Nikhil "
        "Ishaan Kiran Sai Vikram"
    ),
    _words(
        "Priya Anaya Diya Aisha Isha Navneet Simran Harleen Kavya Meera Riya Shreya "
        "Pooja Anjali Tara Nisha"
    ),
    _words(
        "Patel Sharma Singh Kaur Gill Sandhu Mistry Shah Kumar Desai Joshi Chauhan "
        "Parmar Bains Dhillon Reddy Nair Iyer"
    ),
)

PAKISTANI: Final[NameGroup] = (
    _words(
        "Muhammad Ibrahim Yusuf Hamza Ayaan Zayn Bilal Usman Haris Imran Faisal Adnan "
        "Saad Zain Ali Hassan"
    ),
    _words(
        "Fatima Maryam Zainab Hafsa Amina Ayesha Sana Iqra Mehwish Noor Hira Alina "
        "Khadija Sadia Anum Laiba"
    ),
    _words(
        "Khan Hussain Ahmed Akhtar Iqbal Mahmood Rashid Butt Qureshi Malik Raza Aslam "
        "Bashir Javed Shah Chaudhry"
    ),
)

BANGLADESHI: Final[NameGroup] = (
    _words("Rahim Abdul Sayeed Tanvir Shahid Rayhan Mahir Nabil Arif Rafiq Sohel Jamal"),
    _words(
        "Nusrat Tahmina Sumaiya Farzana Rukhsana Shirin Jannat Sabrina Tasnim Nazia Rabia Afsana"
    ),
    _words("Begum Miah Uddin Rahman Islam Ali Hoque Chowdhury Ahmed Khatun Hossain Karim"),
)

OTHER_ASIAN: Final[NameGroup] = (
    _words("Tharun Kajan Suresh Bibek Sanjay Ahmad Mustafa Farhad Minh Quang Rizal Pradeep"),
    _words("Thushara Nirosha Sita Anisha Laila Parisa Linh Thao Maria Angel Kamala Shanthi"),
    _words("Sivakumar Thevarajah Gurung Rai Thapa Ahmadi Rahimi Nguyen Tran Santos Reyes Perera"),
)

CARIBBEAN: Final[NameGroup] = (
    _words(
        "Marcus Jermaine Tyrone Andre Darnell Malachi Isaiah Elijah Josiah Kymani Dwayne Nathaniel"
    ),
    _words("Shanice Aaliyah Tanisha Keisha Jada Nia Tia Destiny Shantelle Imani Jasmine Naomi"),
    _words(
        "Campbell Brown Williams Francis Thomas Grant Henry Clarke Reid Samuels Morgan "
        "Lewis Bennett Forbes Gordon Edwards"
    ),
)

AFRICAN: Final[NameGroup] = (
    _words(
        "Emmanuel David Samuel Daniel Tobi Ayo Chidi Kwame Kofi Abdirahman Mohamed "
        "Yonas Tendai Tinashe Joseph Femi Tariq Dawit"
    ),
    _words(
        "Grace Blessing Precious Favour Esther Adaeze Chioma Ama Abena Hodan Ifrah Hana "
        "Rudo Tsitsi Deborah Temi Ruth Selam"
    ),
    _words(
        "Okafor Adeyemi Okonkwo Mensah Owusu Boateng Ali Hassan Mohamed Abdi Tesfaye "
        "Haile Moyo Ncube Adebayo Eze Osei Bello Kamara Sesay"
    ),
)

CHINESE: Final[NameGroup] = (
    _words("Wei Jun Hao Ming Chen Kai Ho Ka Yu Zhi"),
    _words("Mei Lin Xin Yan Hui Ling Wing Jing Yi Shan"),
    _words("Wang Li Zhang Liu Chen Yang Huang Wong Chan Lam Cheung Ng"),
)

OTHER: Final[NameGroup] = (
    _words(
        "Omar Youssef Karim Rami Ahmed Dara Rebin Arash Reza Emre Mehmet Carlos Mateo "
        "Diego Hussein Ammar Sami Jamil"
    ),
    _words(
        "Layla Nour Yasmin Rana Hiba Shilan Roza Shirin Niloufar Elif Zeynep Valentina "
        "Camila Lucia Dania Malak Reem Sara"
    ),
    _words(
        "Haddad Mansour Saleh Abbas Karimi Mohammadi Hosseini Rasul Aziz Yilmaz Demir "
        "Kaya Garcia Rodriguez Lopez Mahmoud Al-Rashid Nasser"
    ),
)

# Given names for unaccompanied children: the countries most children seeking asylum
# alone come from (Afghanistan, Eritrea, Sudan, Iran, Iraq, Vietnam, Albania).
UASC: Final[NameGroup] = (
    _words(
        "Ahmad Mohammad Abdul Rahmatullah Yonas Filmon Merhawi Adam Mustafa Amir Hevi "
        "Karwan Hung Duc Ardit Klevis Mohamed Samir"
    ),
    _words("Fatima Senait Helen Mariam Zahra Ngoc Kejsi Amal"),
    _words(
        "Ahmadzai Noori Sultani Haidari Tesfamariam Gebremedhin Tekle Abdalla Ibrahim "
        "Karimi Ahmed Salih Pham Nguyen Hoxha Leka Omar Rasouli"
    ),
)

GROUPS: Final[dict[str, NameGroup]] = {
    "british": BRITISH,
    "irish": IRISH,
    "traveller": TRAVELLER,
    "roma": ROMA,
    "east_european": EAST_EUROPEAN,
    "indian": INDIAN,
    "pakistani": PAKISTANI,
    "bangladeshi": BANGLADESHI,
    "other_asian": OTHER_ASIAN,
    "caribbean": CARIBBEAN,
    "african": AFRICAN,
    "chinese": CHINESE,
    "other": OTHER,
    "uasc": UASC,
}

# Which name groups a child of each ethnicity draws given and family names from. Mixed
# heritage children take a family name from one side and a given name from either.
NAME_SOURCES: Final[dict[str, tuple[str, ...]]] = {
    "WBRI": ("british",),
    "WIRI": ("irish", "british"),
    "WIRT": ("traveller",),
    "WROM": ("roma",),
    "WOTH": ("east_european",),
    "MWBC": ("british", "caribbean"),
    "MWBA": ("british", "african"),
    "MWAS": ("british", "indian", "pakistani"),
    "MOTH": ("british", "other", "chinese", "east_european"),
    "AIND": ("indian",),
    "APKN": ("pakistani",),
    "ABAN": ("bangladeshi",),
    "AOTH": ("other_asian",),
    "BCRB": ("caribbean",),
    "BAFR": ("african",),
    "BOTH": ("african", "caribbean"),
    "CHNE": ("chinese",),
    "OOTH": ("other",),
    "REFU": ("british", "east_european", "other"),
    "NOBT": ("british", "east_european", "african", "pakistani"),
}

# Places in the fictional borough (districts, and what streets, surgeries and schools
# are named after).
PLACES: Final[tuple[str, ...]] = _items(
    "Ashcombe, Barrowfield, Bramley Vale, Castleford Green, Dunmere, Elmstead, Farrowby, "
    "Glenholt, Hartwell, Hollins Cross, Kingsmead, Larkhill, Marlow Heath, Northcote, "
    "Oakridge, Pennington, Queensbury Park, Redhithe, Southwold, Thornbury, Upton Moor, "
    "Westerley, Whitcombe, Yewdale"
)

STREET_KINDS: Final[tuple[str, ...]] = _words(
    "Road Street Close Avenue Lane Crescent Way Drive Gardens Court Grove Terrace"
)

STREET_NAMES: Final[tuple[str, ...]] = _words(
    "Acacia Beech Birch Bluebell Chestnut Clover Cedar Foxglove Hawthorn Heather "
    "Holly Juniper Laburnum Lime Magnolia Maple Meadow Mill Orchard Primrose Rowan "
    "Sycamore Willow Station Church Victoria Albert Park Market Brook River Bridge "
    "Farm School Kings Queens Nelson Wellington Windsor York Harrow Granary Tannery "
    "Foundry Canal Quarry Chapel Abbey"
)

SURGERY_KINDS: Final[tuple[str, ...]] = _items(
    "Medical Centre, Surgery, Health Centre, Medical Practice, Family Practice"
)

SAINTS: Final[tuple[str, ...]] = _items(
    "St Anne's, St Mary's, St Joseph's, St Michael's, St Peter's, St Paul's, Holy Trinity, "
    "St Francis, St Edmund's, Christ Church"
)

# First languages by ethnicity (percentages). English covers most children; ethnicities
# not listed speak English as a first language.
LANGUAGES_BY_ETHNICITY: Final[dict[str, tuple[tuple[str, float], ...]]] = {
    "WOTH": _shares(
        "English 30, Polish 28, Romanian 16, Lithuanian 6, Portuguese 6, Bulgarian 4, "
        "Albanian 3, Ukrainian 4, Hungarian 3"
    ),
    "WROM": _shares("Romanian 45, Romany 25, Slovak 15, English 15"),
    "AIND": _shares("English 62, Gujarati 14, Punjabi 14, Tamil 10"),
    "APKN": _shares("English 58, Urdu 25, Punjabi 12, Pashto 5"),
    "ABAN": _shares("English 55, Bengali 30, Sylheti 15"),
    "AOTH": _shares("English 45, Tamil 15, Nepali 12, Dari 8, Pashto 8, Vietnamese 6, Tagalog 6"),
    "BAFR": _shares(
        "English 62, Somali 12, Tigrinya 7, Arabic 5, Yoruba 5, Twi 4, Amharic 3, Shona 2"
    ),
    "BOTH": _shares("English 85, French 8, Lingala 7"),
    "CHNE": _shares("English 55, Cantonese 22, Mandarin 23"),
    "OOTH": _shares(
        "English 25, Arabic 30, Kurdish 14, Farsi 12, Turkish 9, Spanish 5, Portuguese 5"
    ),
    "MOTH": _shares("English 90, Arabic 4, Spanish 3, Polish 3"),
    "MWAS": _shares("English 96, Urdu 2, Punjabi 2"),
    "NOBT": _shares("English 80, Polish 5, Arabic 5, Urdu 5, Romanian 5"),
}

UASC_LANGUAGES: Final[tuple[tuple[str, float], ...]] = _shares(
    "Pashto 22, Dari 12, Tigrinya 18, Arabic 16, Kurdish Sorani 12, Farsi 8, Vietnamese 6, "
    "Albanian 6"
)

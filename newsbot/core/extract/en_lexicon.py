"""Word lists the English entity layer leans on when the registry does not know a name.

``FIRST_NAMES`` tells "Dana Whitcombe" (a person) from "Harbor Compute" (a company);
``PLACES`` are never companies ("U.S. revenue", "Santa Clara"); ``NEWS_OUTLETS`` report
events but take no part in them ("according to Bloomberg", "seen by Reuters").
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FIRST_NAMES = _words(
    # English and European
    "Aaron Abigail Adam Adrian Aidan Alan Albert Alex Alexa Alexander Alexandra Alexandre "
    "Alexis Alfred Alice Alicia Alison Allison Amanda Amber Amelia Amy Andrea Andreas Andrew "
    "Andy Angela Angelica Anna Anne Annie Anthony Antoine Anton Antonio April Ariana Arthur "
    "Ashley Audrey Austin Barbara Barret Barry Beatrice Ben Benedict Benjamin Bernard Bernardo "
    "Beth Betty Bill Blake Bob Bobby Brad Bradley Brandon Brenda Brendan Brent Brett Brian "
    "Bridget Brittany Bruce Bruno Bryan Caitlin Caleb Calvin Cameron Camille Carl Carla Carlos "
    "Carmen Carol Caroline Carolyn Casey Catherine Cecilia Chad Charles Charlie Charlotte Chelsea "
    "Cheryl Chloe Chris Christian Christina Christine Christopher Christophe Cindy Claire Clara "
    "Clare Claudia Clement Colin Connor Conor Constance Craig Cynthia Daisy Dale Dan Dana Daniel "
    "Daniela Danielle Danny Darren Dave David Dawn Dean Deborah Debra Denis Dennis Derek Diana "
    "Diane Dominic Don Donald Donna Doris Dorothy Doug Douglas Drew Dylan Ed Eddie Edgar Edith "
    "Edmund Eduardo Edward Edwin Eileen Elaine Eleanor Elena Eli Elias Elijah Elisa Elizabeth "
    "Ella Ellen Elliot Elliott Eloise Emil Emily Emma Emmanuel Eric Erica Erik Erin Ernest Ethan "
    "Eugene Eva Evan Eve Evelyn Fabian Felix Fernando Fiona Florian Frances Francesca Francis "
    "Francisco Frank Franz Fred Frederick Gabriel Gabriela Gabrielle Gareth Gary Gavin Gemma "
    "Geoff Geoffrey George Georgia Gerald Gerard Gina Giovanni Giulia Glen Glenn Gloria Gordon "
    "Grace Graham Grant Greg Gregory Guillaume Gustavo Hailey Hannah Harold Harriet Harry "
    "Harvey Hayden Hazel Heather Heidi Helen Helena Henri Henry Herbert Holly Howard Hugh Hugo "
    "Ian Ilya Ines Ingrid Irene Iris Isaac Isabel Isabella Isabelle Ivan Jack Jackie Jacob "
    "Jacqueline Jacques Jade Jake James Jamie Jan Jane Janet Janice Jared Jason Javier Jay "
    "Jean Jeanne Jeff Jeffrey Jenna Jennifer Jenny Jeremy Jerome Jerry Jesse Jessica Jill Jim "
    "Jimmy Jo Joan Joanna Joanne Jocelyn Jodi Joe Joel Joelle Johan Johannes John Johnny Jon "
    "Jonas Jonathan Jordan Jorge Jose Joseph Josh Joshua Joy Joyce Juan Judith Judy Jules Julia "
    "Julian Julie Juliet Julien Justin Kaitlyn Karen Karin Karl Kate Katherine Kathleen Kathryn "
    "Kathy Katie Katrina Kay Keith Kelly Ken Kenneth Kerry Kevin Kim Kimberly Kirk Kirsten "
    "Klaus Kris Kristen Kristin Kurt Kyle Lance Lara Larry Laura Lauren Laurence Lawrence Leah "
    "Lena Leo Leon Leonard Leslie Liam Lily Linda Lindsay Lindsey Lisa Logan Lois Lorenzo Lori "
    "Louis Louisa Louise Lucas Lucia Lucy Luis Luke Lydia Lynn Madeleine Madison Maggie Malcolm "
    "Mandy Manuel Marc Marcel Marco Marcus Margaret Maria Marian Marie Marina Mario Marisa "
    "Marisol Mark Marta Martha Martin Mary Mason Mathieu Matt Matthew Matthias Maureen Max "
    "Maxime Maya Megan Meghan Melanie Melissa Meredith Mia Michael Michaela Michel Michelle "
    "Miguel Mike Mila Miles Milo Miranda Miriam Mitchell Molly Monica Morgan Nadia Nancy "
    "Naomi Natalie Natasha Nate Nathan Nathaniel Neil Nelson Nicholas Nick Nicola Nicolas Nicole "
    "Nigel Nina Noah Noel Nora Norman Olga Olive Oliver Olivia Oscar Owen Paige Pamela Pascal "
    "Patricia Patrick Paul Paula Pauline Pedro Penny Peter Phil Philip Philippe Phillip Phoebe "
    "Pierre Rachel Ralph Ramon Randy Raphael Ray Raymond Rebecca Reed Regina Reid Renata "
    "Rene Rhys Ricardo Richard Rick Ricky Rita Rob Robert Roberta Roberto Robin Rod Rodney "
    "Roger Roland Ron Ronald Rory Rosa Rose Ross Roy Ruby Russell Ruth Ryan Sabrina Sally Sam "
    "Samantha Samuel Sandra Sara Sarah Scott Sean Sebastian Serena Sergio Seth Shane Shannon "
    "Sharon Shaun Shawn Sheila Shelley Sheryl Shirley Sierra Simon Sofia Sophia Sophie Spencer "
    "Stacy Stanley Stefan Stefano Stella Stephanie Stephen Steve Steven Stuart Susan Suzanne "
    "Sylvia Tamara Tanya Tara Taylor Ted Teresa Terry Theo Theodore Theresa Thibault Thierry "
    "Thomas Tiffany Tim Timothy Timothée Tina Toby Todd Tom Tommy Tony Tracy Travis Trevor Troy "
    "Tyler Ursula Valerie Vanessa Veronica Victor Victoria Vincent Violet Virginia Walter Warren "
    "Wayne Wendy Wesley Whitney Will William Willie Wyatt Xavier Yvonne Zach Zachary Zoe "
    # German, Dutch, Nordic, Slavic, Baltic, Greek, Italian, Iberian
    "Agnieszka Aleksandr Aleksander Alexei Alexey Anders Andrei Andrej Andrzej Anja Arne Astrid "
    "Bart Bas Birgit Bjorn Björn Bogdan Boris Dieter Dimitri Dimitris Dmitri Dmitry Elke Erika "
    "Esther Federico Frederik Friedrich Fritz Georg Gerhard Gunnar Hans Heinrich Helmut Henrik "
    "Igor Ilse Ioannis Irina Jakob Jakub Jan Jens Joachim Jörg Jurgen Jürgen Kasper Katarzyna "
    "Kostas Lars Leif Lukas Magnus Maciej Marek Marius Markus Mats Mikhail Mikko Nikolai Nikolaj "
    "Nikos Nils Oleg Olaf Ole Pavel Piotr Rainer Rolf Rune Sergey Sergei Sven Tatiana Tobias "
    "Tomas Tomasz Ulrich Uwe Vadim Vladimir Wojciech Wolfgang Yuri Zbigniew Alessandro Alessia "
    "Andrea Angelo Antonella Beatriz Carolina Chiara Cristina Davide Diego Domenico Emilio "
    "Enrico Fabio Filippo Gianluca Giuseppe Ignacio Joao João Leonardo Luca Luciana Marcelo "
    "Mateo Matteo Mauricio Nicolo Pablo Paolo Pietro Raul Rafael Riccardo Rodrigo Salvatore "
    "Santiago Silvia Simone Teodoro Valentina Vittorio Ximena "
    # South Asian
    "Aarav Abhishek Aditi Aditya Ajay Ajit Akash Akshay Alok Amit Amitabh Anand Anant Anil "
    "Anjali Ankit Ankur Anupam Aravind Arjun Arun Arvind Ashish Ashok Atul Balaji Deepa Deepak "
    "Dev Devendra Dhruv Dinesh Divya Gaurav Gautam Gita Harish Harsh Hemant Jai Jayant Kavita "
    "Kiran Krishna Lakshmi Madhav Mahesh Manish Manoj Meera Mohan Mukesh Nandan Naveen "
    "Neel Neha Nikhil Nilesh Nitin Nisha Padma Pankaj Parag Pooja Prakash Pranav Prashant "
    "Pratik Praveen Priya Priyanka Rahul Raj Rajat Rajeev Rajesh Rajiv Ram Ramesh Ranjan Ravi "
    "Rohan Rohit Sachin Sameer Sandeep Sanjay Sanjeev Satya Shankar Shantanu Sharad Shiv Shreya "
    "Shruti Siddharth Sridhar Srinivas Sudhir Sumit Sunil Sundar Sunita Suresh Swati Tanvi "
    "Tarun Uday Varun Vijay Vijaye Vikas Vikram Vinay Vinod Vishal Vivek Yash Yogesh Zubin "
    # East and Southeast Asian
    "Akira Akihiro Atsushi Daisuke Haruki Hideki Hiroshi Hiroki Hiroyuki Junichi Kaito Kazuo "
    "Keiko Ken Kenji Kenta Koji Masa Masahiro Masayoshi Makoto Naoki Naoko Ryo Ryota Satoshi "
    "Shigeru Shinji Shintaro Sho Shota Takashi Takeshi Taro Tetsuya Tomoko Toshiro Yoshi "
    "Yoshiro Yuki Yuko Yusuke Yuta An Bao Bin Bo Chang Chao Chen Cheng Chun Dong Fang Fei "
    "Feng Gang Guang Hai Hao Hong Hua Hui Jia Jian Jiang Jie Jin Jing Jun Kai Kun Lan Lei Li "
    "Liang Lin Ling Liu Long Mei Min Ming Na Ning Peng Ping Qi Qiang Qing Rui Shan Sheng Shu "
    "Tao Ting Wei Wen Xi Xia Xiang Xiao Xiaohua Xin Xu Yan Yang Yi Ying Yong Yu Yuan Yue Yun "
    "Zhen Zheng Zhi Zhong Zhou Shengjia Jae Ji Jin-woo Jong Kyung Min-jun Seo Seung Soo Sung "
    "Hyun Hyung Eun Ye Young Thanh Minh Linh Huy Duc Anh Ananya Siti Budi Putri "
    # Middle Eastern, Hebrew, African
    "Abdul Abdullah Ahmad Ahmed Ali Amir Amira Amr Ayman Aziz Bilal Farah Faisal Fatima Hassan "
    "Hussein Ibrahim Imran Jamal Karim Khalid Layla Leila Mahmoud Mohamed Mohammad Mohammed "
    "Muhammad Mustafa Nabil Omar Rami Rania Reza Saeed Salma Samir Sami Tariq Walid Yasmin "
    "Yousef Youssef Yusuf Zain Zainab Amnon Avi Ayelet Dafna Eyal Gal Gil Ido Itai Lior Moshe "
    "Noam Ofer Omri Oren Roni Shai Shira Tal Uri Yael Yoav Yossi Ade Adebayo Amara Chidi "
    "Chinedu Chioma Folake Ifeoma Kwame Kofi Ngozi Nnamdi Olu Oluwaseun Tunde Thabo Wanjiru "
    "Zanele Zola "
    # short forms and others common in tech
    "Sasha Misha Vlad Nat Mira Demis Mustafa Sam Greg Kai Jensen Lisa Satya Sundar Arvind "
    "Safra Clem Aidan Noam Ilya Jakub Wojciech Mira Andrej Yann Joelle Fidji Sheryl Marissa "
    "Reid Elad Alexandr Mati Dario Daniela Jared Chris Tom Jan Mikey Emad Aravind"
)

# Countries, regions, states and big cities: never a company on their own.
PLACES = _words(
    "U.S. U.S US USA America Americas United States UK U.K. Britain England Scotland Wales "
    "Ireland Europe EU E.U. Asia Africa Australia Canada Mexico Brazil Argentina Chile Colombia "
    "Peru China Japan Korea India Pakistan Bangladesh Indonesia Vietnam Thailand Malaysia "
    "Singapore Philippines Taiwan Hong Kong Germany France Italy Spain Portugal Netherlands "
    "Belgium Switzerland Austria Sweden Norway Denmark Finland Iceland Poland Ukraine Russia "
    "Turkey Israel Egypt Nigeria Kenya Ghana Saudi Arabia Qatar UAE Dubai Abu Dhabi Iran Iraq "
    "Beijing Shanghai Shenzhen Tokyo Osaka Seoul Taipei Mumbai Bangalore Bengaluru Delhi "
    "London Paris Berlin Munich Zurich Geneva Amsterdam Stockholm Oslo Helsinki Copenhagen "
    "Dublin Madrid Barcelona Milan Rome Vienna Warsaw Prague Toronto Montreal Vancouver "
    "Ottawa Boston Seattle Austin Chicago Atlanta Denver Miami Dallas Houston Washington "
    "California Texas Florida Nevada Arizona Oregon Utah Ohio Michigan Georgia Virginia "
    "Massachusetts Pennsylvania Illinois Colorado Calif. Wash. Mass. Silicon Valley Wall "
    "Street Capitol Hill Brussels Westminster Sydney Melbourne Auckland Jakarta Bangkok "
    "Manila Hanoi Riyadh Doha Lagos Nairobi Cairo Johannesburg Sao Paulo Lisbon Athens "
    "Zurich Luxembourg Estonia Latvia Lithuania Hungary Romania Greece Cyprus Malta"
)
PLACE_PHRASES = frozenset(
    (
        "United States",
        "United Kingdom",
        "Hong Kong",
        "South Korea",
        "North Korea",
        "New York",
        "New York City",
        "San Francisco",
        "Los Angeles",
        "San Jose",
        "Santa Clara",
        "Palo Alto",
        "Menlo Park",
        "Mountain View",
        "Silicon Valley",
        "Saudi Arabia",
        "Abu Dhabi",
        "Sao Paulo",
        "South Africa",
        "New Zealand",
        "New Jersey",
        "North Carolina",
        "South Carolina",
        "Washington D.C",
        "Washington DC",
        "Wall Street",
        "Capitol Hill",
        "Middle East",
        "Latin America",
        "North America",
        "South America",
        "Southeast Asia",
        "United Arab Emirates",
        "Bay Area",
        "San Diego",
        "Tel Aviv",
        "Las Vegas",
        "Salt Lake City",
        "Redwood City",
        "Sunnyvale",
        "Cupertino",
        "Redmond",
        "Armonk",
        "Kirkland",
    )
)

# Outlets and data providers: the source of a report, never a party to its deal.
NEWS_OUTLETS = frozenset(
    (
        "Reuters",
        "Bloomberg",
        "Bloomberg News",
        "AP",
        "Associated Press",
        "AFP",
        "CNBC",
        "CNN",
        "BBC",
        "The Information",
        "Financial Times",
        "FT",
        "Wall Street Journal",
        "The Wall Street Journal",
        "WSJ",
        "New York Times",
        "The New York Times",
        "NYT",
        "Washington Post",
        "The Washington Post",
        "TechCrunch",
        "The Verge",
        "Verge",
        "Axios",
        "Semafor",
        "Nikkei",
        "Nikkei Asia",
        "Business Insider",
        "Insider",
        "Fortune",
        "Forbes",
        "Wired",
        "The Guardian",
        "Guardian",
        "The Economist",
        "Economist",
        "Handelsblatt",
        "Le Monde",
        "Les Echos",
        "Yonhap",
        "Xinhua",
        "Kyodo",
        "Dow Jones",
        "PitchBook",
        "Crunchbase",
        "Dealogic",
        "LSEG",
        "Refinitiv",
        "CB Insights",
        "The Telegraph",
        "Sky News",
        "Politico",
        "Ars Technica",
        "VentureBeat",
        "Engadget",
        "Platformer",
        "Calcalist",
        "Globes",
        "Caixin",
        "South China Morning Post",
        "SCMP",
        "Business Wire",
        "PR Newswire",
        "PRNewswire",
        "GlobeNewswire",
        "Globe Newswire",
        "GLOBE NEWSWIRE",
        "BUSINESS WIRE",
    )
)

# What a role is head of ("head of Search", "CEO of Applications", "adviser for AGI
# Readiness"): capitalised there, yet no company.
DOMAIN_WORDS = _words(
    "Applications Application Search Engineering Research Product Products Devices Device Sales "
    "Marketing Policy Policies Safety Readiness Operations Affairs Strategy Partnerships Design "
    "Hardware Infrastructure Communications People Growth Ads Advertising Commerce Payments "
    "Platforms Platform Services Finance Legal Security Privacy Trust Integrity Alignment "
    "Superalignment Preparedness Science Sciences Data Analytics Models Model Training Compute "
    "Developer Developers Experience Consumer Enterprise Business Businesses Global Public "
    "International Government Regulatory Corporate Technology Technologies Innovation Talent "
    "Recruiting Education Health Healthcare Robotics Autonomy Mobility Gaming Games Media Content "
    "Creative Studio Studios Cloud Accelerator Silicon Chips Chip Networking Systems Software "
    "Solutions Customer Customers Success Support Quality Reliability Frontier Applied Core "
    "Special Projects Project Initiatives Emerging Next New Ventures Investments Investor "
    "Relations Capital Acquisitions Development Mission Impact Responsible AI ML Machine "
    "Learning Intelligence Artificial Reasoning Agents Agent Assistant Voice Vision Speech "
    "Language Languages Office Labs Lab Readiness and &"
)

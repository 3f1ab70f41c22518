"""Golden table for the English splitter (pySBD plus two post-fixes): real news first.

Corpus cases join 2–3 consecutive lines of the RisingNews validation set (Hasan et al.,
EMNLP 2020; CC BY-NC-SA), one sentence a line, and expect them back. Targeted cases are
real sentences from the same set and from the seeds, edited only where a rule needs it.
"""
from __future__ import annotations

import pytest

from aligner.text.split import split_sentences
from aligner.types import Lang

CORPUS = [
    # RisingNews.valid.en lines 1-3
    (
        "According to the schedule of the visit, a regular flight of Singapore Airlines carrying the President and his entourage members will take off from Hazrat Shahjalal International Airport. Shahidul Haque said, in the meeting Prime Minister gave emphasis on peace and stability in the region to achieve the cherished goals of development. The High Court has granted anticipatory bail to BNP standing committee member Moudud Ahmed and BNP's law affairs secretary advocate Sanaullah Mia in sabotage case.",
        [
            'According to the schedule of the visit, a regular flight of Singapore Airlines carrying the President and his entourage members will take off from Hazrat Shahjalal International Airport.',
            'Shahidul Haque said, in the meeting Prime Minister gave emphasis on peace and stability in the region to achieve the cherished goals of development.',
            "The High Court has granted anticipatory bail to BNP standing committee member Moudud Ahmed and BNP's law affairs secretary advocate Sanaullah Mia in sabotage case.",
        ],
    ),
    # RisingNews.valid.en lines 4-5
    (
        'They wished Sheikh Hasina good health and long life.\nThe finance minister said, the World Bank never said that we would have growth more than 6.5 percent.',
        [
            'They wished Sheikh Hasina good health and long life.',
            'The finance minister said, the World Bank never said that we would have growth more than 6.5 percent.',
        ],
    ),
    # RisingNews.valid.en lines 12-13
    (
        'Among them, Rashed Khan Menon has been transferred from the Ministry of Civil Aviation and Tourism to the Ministry of Social Welfare. Professor Dr Kazi Shahidullah, Supernumerary Professor of the Depatment of History of Dhaka University, has been appointed as new chairman of the University Grants Commission (UGC).',
        [
            'Among them, Rashed Khan Menon has been transferred from the Ministry of Civil Aviation and Tourism to the Ministry of Social Welfare.',
            'Professor Dr Kazi Shahidullah, Supernumerary Professor of the Depatment of History of Dhaka University, has been appointed as new chairman of the University Grants Commission (UGC).',
        ],
    ),
    # RisingNews.valid.en lines 20-22
    (
        'Besides, State Minister for Social Welfare Sharif Ahmed was made state minister for Housing and Public Works Ministry. "We are to import eight lakh tonnes of onions every year, of which 90 per cent are imported from India." We\'re taking prompt actions against the terrorists when they\'re identified.',
        [
            'Besides, State Minister for Social Welfare Sharif Ahmed was made state minister for Housing and Public Works Ministry.',
            '"We are to import eight lakh tonnes of onions every year, of which 90 per cent are imported from India."',
            "We're taking prompt actions against the terrorists when they're identified.",
        ],
    ),
    # RisingNews.valid.en lines 25-26
    (
        'It is a long-term strategy, policy and commitment to implement actions for sustainable delta, she said.  6 arrested for spreading false propaganda on national leaders.',
        [
            'It is a long-term strategy, policy and commitment to implement actions for sustainable delta, she said.',
            '6 arrested for spreading false propaganda on national leaders.',
        ],
    ),
    # RisingNews.valid.en lines 32-33
    (
        'The Prime Minister said, "We\'re holding talks with Myanmar for repatriation of the forcibly displaced Rohingyas and we also sought help of the international community to this end." Referring to the last general election, Sheikh Hasina said, "People of all professions and classes immensely supported us in the last general election which was never seen in the past."',
        [
            'The Prime Minister said, "We\'re holding talks with Myanmar for repatriation of the forcibly displaced Rohingyas and we also sought help of the international community to this end."',
            'Referring to the last general election, Sheikh Hasina said, "People of all professions and classes immensely supported us in the last general election which was never seen in the past."',
        ],
    ),
    # RisingNews.valid.en lines 39-40
    (
        "The prime minister said throughout 2018 and 2019, climate change wrecked havoc on people's health and livelihood around the globe. Which is 2.8 per cent more than the same period of last year.",
        [
            "The prime minister said throughout 2018 and 2019, climate change wrecked havoc on people's health and livelihood around the globe.",
            'Which is 2.8 per cent more than the same period of last year.',
        ],
    ),
    # RisingNews.valid.en lines 67-68
    (
        'With the introduction of circular road and river route, transportation of people and goods would be easier. Executive Chairman of Bangladesh Investment Development Authority (BIDA) Kazi Md. Aminul Islam regarded Bangladesh as the investment-friendly liberal democratic state.',
        [
            'With the introduction of circular road and river route, transportation of people and goods would be easier.',
            'Executive Chairman of Bangladesh Investment Development Authority (BIDA) Kazi Md. Aminul Islam regarded Bangladesh as the investment-friendly liberal democratic state.',
        ],
    ),
    # RisingNews.valid.en lines 83-85
    (
        'Bangladesh High Commissioner in London Saida Muna Tasneem received the prime minister at the airport. Foreign Secretary Md. Shahidul Haque briefed reporters about the matter. The German ambassador, Peter Fahrenholtz said, "Every year a large number of Bangladeshi students and researchers are going to Germany."',
        [
            'Bangladesh High Commissioner in London Saida Muna Tasneem received the prime minister at the airport.',
            'Foreign Secretary Md. Shahidul Haque briefed reporters about the matter.',
            'The German ambassador, Peter Fahrenholtz said, "Every year a large number of Bangladeshi students and researchers are going to Germany."',
        ],
    ),
    # RisingNews.valid.en lines 98-99
    (
        'President Abdul Hamid urged the members of armed forces to uphold their image at national and international levels by ensuing utmost professionalism.\n\nSpeaking on the occasion, she said, "we are currently hosting over 1.1 million Rohingyas."',
        [
            'President Abdul Hamid urged the members of armed forces to uphold their image at national and international levels by ensuing utmost professionalism.',
            'Speaking on the occasion, she said, "we are currently hosting over 1.1 million Rohingyas."',
        ],
    ),
    # RisingNews.valid.en lines 106-107
    (
        'He realized, if Bangladesh is to sustain its development, it has to get connected with its neighbors. Thanking Dutch Prime Minister Mark Rutte for organizing this meeting, Sheikh Hasina said, "We are facing the most serious global challenges of our time."',
        [
            'He realized, if Bangladesh is to sustain its development, it has to get connected with its neighbors.',
            'Thanking Dutch Prime Minister Mark Rutte for organizing this meeting, Sheikh Hasina said, "We are facing the most serious global challenges of our time."',
        ],
    ),
    # RisingNews.valid.en lines 114-115
    (
        'The alems recalled the contribution of the Father of the Nation Bangabandhu Sheikh Mujibur Rahman to flourishing Islam in the country. Dr. Zia Rahman, proctor of the hall confirmed the matter on Friday.',
        [
            'The alems recalled the contribution of the Father of the Nation Bangabandhu Sheikh Mujibur Rahman to flourishing Islam in the country.',
            'Dr. Zia Rahman, proctor of the hall confirmed the matter on Friday.',
        ],
    ),
    # RisingNews.valid.en lines 140-141
    (
        'If we work together, we can achieve success in this regard. Foreign Minister Dr. AK Abdul Momen, Minister of Environment, Forest and Climate Change Md Shahab Uddin and State Minister for Foreign Affairs Md Shahriar Alam were present among others.',
        [
            'If we work together, we can achieve success in this regard.',
            'Foreign Minister Dr. AK Abdul Momen, Minister of Environment, Forest and Climate Change Md Shahab Uddin and State Minister for Foreign Affairs Md Shahriar Alam were present among others.',
        ],
    ),
    # RisingNews.valid.en lines 153-155
    (
        'The President will attend Japanese new emperor\'s enthronement ceremony slated for October 22-24, President\'s press secretary Md. Joynal Abedin said. He said, "Our resident teachers caught six outsiders including a son of a hall staff." US Ambassador to Bangladesh Earl R Miller will lead a delegation of Bangladesh\'s business and industry leaders to the Indo-Pacific Business Forum (IPBF) on November 4 in Thailand.',
        [
            "The President will attend Japanese new emperor's enthronement ceremony slated for October 22-24, President's press secretary Md. Joynal Abedin said.",
            'He said, "Our resident teachers caught six outsiders including a son of a hall staff."',
            "US Ambassador to Bangladesh Earl R Miller will lead a delegation of Bangladesh's business and industry leaders to the Indo-Pacific Business Forum (IPBF) on November 4 in Thailand.",
        ],
    ),
    # RisingNews.valid.en lines 193-194
    (
        'SI Arif Hossain of Tejgaon Police Station in the evening confirmed the news. Education Minister Dr. Dipu Moni will address the program as a special guest.',
        [
            'SI Arif Hossain of Tejgaon Police Station in the evening confirmed the news.',
            'Education Minister Dr. Dipu Moni will address the program as a special guest.',
        ],
    ),
    # RisingNews.valid.en lines 200-201
    (
        'Apart from the Prime Minister, there are 24 ministers, 19 state ministers and three deputy ministers in the new cabinet.\nWe can make bridge in this region and beyond the region."',
        [
            'Apart from the Prime Minister, there are 24 ministers, 19 state ministers and three deputy ministers in the new cabinet.',
            'We can make bridge in this region and beyond the region."',
        ],
    ),
    # RisingNews.valid.en lines 221-222
    (
        "We believe that this growth will have a positive impact on employment opportunity and other socio-economic fields. Foreign Minister AK Abdul Momen, Prime Minister's Private Industry and Investment Advisor Salman F Rahman and State Minister for Foreign Affairs Md. Shahriar Alam, among others, are accompanying the prime minister during her visit to the UK.",
        [
            'We believe that this growth will have a positive impact on employment opportunity and other socio-economic fields.',
            "Foreign Minister AK Abdul Momen, Prime Minister's Private Industry and Investment Advisor Salman F Rahman and State Minister for Foreign Affairs Md. Shahriar Alam, among others, are accompanying the prime minister during her visit to the UK.",
        ],
    ),
    # RisingNews.valid.en lines 276-277
    (
        'The quality of training of the NDC is very high and we want to continue to participate in the training, he said. Md. Rezaul Ahsan, additional secretary to the cabinet division, confirmed the matter.',
        [
            'The quality of training of the NDC is very high and we want to continue to participate in the training, he said.',
            'Md. Rezaul Ahsan, additional secretary to the cabinet division, confirmed the matter.',
        ],
    ),
    # RisingNews.valid.en lines 283-285
    (
        'Mentioning that Bangladesh is a good destination of investment, he said, "We hope to elevate further the level of cooperation between the two friendly countries." Home Minister Asaduzzaman Khan Kamal said that action will be taken against those involved in providing passports to Rohingyas. Inspector General of Police (IGP) Dr. Mohammad Jabed Patwary said that though many of the militants from Bangladesh went to Syria to implement IS ideology, none of them returned home.',
        [
            'Mentioning that Bangladesh is a good destination of investment, he said, "We hope to elevate further the level of cooperation between the two friendly countries."',
            'Home Minister Asaduzzaman Khan Kamal said that action will be taken against those involved in providing passports to Rohingyas.',
            'Inspector General of Police (IGP) Dr. Mohammad Jabed Patwary said that though many of the militants from Bangladesh went to Syria to implement IS ideology, none of them returned home.',
        ],
    ),
    # RisingNews.valid.en lines 295-296
    (
        'During the conference, EC secretary urged BNP to participate in the upcoming upazila polls. President M. Abdul Hamid congratulated Bangladesh women cricket team for achieving a historical victory over India by three wickets in the Asia Cup T-20 cricket final at Kuala Lumpur in Malaysia.',
        [
            'During the conference, EC secretary urged BNP to participate in the upcoming upazila polls.',
            'President M. Abdul Hamid congratulated Bangladesh women cricket team for achieving a historical victory over India by three wickets in the Asia Cup T-20 cricket final at Kuala Lumpur in Malaysia.',
        ],
    ),
    # RisingNews.valid.en lines 304-306
    (
        'The ADO, the annual publication of the ADB, evaluates and forecasts economic performance of 45 Asian and Pacific countries. \nAccording to the press release, "Following the performance of top 26 GDP growth gaining countries of the world, the finance minister highlighted the issue quoting the report published by \'The Spectator Index\' on August 29." \nBut beating people up for seeking to reunite with their families is completely unacceptable.',
        [
            'The ADO, the annual publication of the ADB, evaluates and forecasts economic performance of 45 Asian and Pacific countries.',
            'According to the press release, "Following the performance of top 26 GDP growth gaining countries of the world, the finance minister highlighted the issue quoting the report published by \'The Spectator Index\' on August 29."',
            'But beating people up for seeking to reunite with their families is completely unacceptable.',
        ],
    ),
    # RisingNews.valid.en lines 318-319
    (
        "There is also a need to investigate whether there is an anti-Muslim power behind the attack. Dr. Mutlaq highly lauded Bangladesh's socioeconomic development under the dynamic and visionary leadership of Prime Minister Sheikh Hasina.",
        [
            'There is also a need to investigate whether there is an anti-Muslim power behind the attack.',
            "Dr. Mutlaq highly lauded Bangladesh's socioeconomic development under the dynamic and visionary leadership of Prime Minister Sheikh Hasina.",
        ],
    ),
    # RisingNews.valid.en lines 342-343
    (
        'After over a three hour stopover in Singapore, the President will leave for Japan by another Singapore Airlines flight at 10:50 pm local time. Their online activities are being destroyed by means of technology."',
        [
            'After over a three hour stopover in Singapore, the President will leave for Japan by another Singapore Airlines flight at 10:50 pm local time.',
            'Their online activities are being destroyed by means of technology."',
        ],
    ),
    # RisingNews.valid.en lines 397-399
    (
        'Md Farid Uddin, Officer-in-Charge (OC) of Sirajdikhan Police Station, said, "It is immediately not clear whether it is a suicidal case or murder. Sadhona Rani (45), passed away around 6:30am while undergoing treatment at Barisal Sher-e-Bangla Medical College Hospital. He wished progress and prosperity of the people of Bangladesh.',
        [
            'Md Farid Uddin, Officer-in-Charge (OC) of Sirajdikhan Police Station, said, "It is immediately not clear whether it is a suicidal case or murder.',
            'Sadhona Rani (45), passed away around 6:30am while undergoing treatment at Barisal Sher-e-Bangla Medical College Hospital.',
            'He wished progress and prosperity of the people of Bangladesh.',
        ],
    ),
    # RisingNews.valid.en lines 426-428
    (
        'The last date of submitting nomination paper is February 11. "During the visit, the Prime Minister will attend a conference of Bangladesh envoys in Europe on July 20 in Lonfon," Prime Minister\'s Press Secretary Ihsanul Karim said. Assistant Director (mass contact-1) of National Parliament Secretariat Md. Nurul Absar told this to risingbd.',
        [
            'The last date of submitting nomination paper is February 11.',
            '"During the visit, the Prime Minister will attend a conference of Bangladesh envoys in Europe on July 20 in Lonfon," Prime Minister\'s Press Secretary Ihsanul Karim said.',
            'Assistant Director (mass contact-1) of National Parliament Secretariat Md. Nurul Absar told this to risingbd.',
        ],
    ),
    # RisingNews.valid.en lines 491-492
    (
        'Minister for Religious Affairs Principal Motiur Rahman has given a two-day ultimatum to 28 hajj agencies to apply for visas. Md. Mahmudul Hoque, additional secretary of Secondary Higher Education division of the Ministry of Education has been appointed as Director General of Bangladesh Academy for Rural Development (BARD) in Cumilla.',
        [
            'Minister for Religious Affairs Principal Motiur Rahman has given a two-day ultimatum to 28 hajj agencies to apply for visas.',
            'Md. Mahmudul Hoque, additional secretary of Secondary Higher Education division of the Ministry of Education has been appointed as Director General of Bangladesh Academy for Rural Development (BARD) in Cumilla.',
        ],
    ),
    # RisingNews.valid.en lines 554-555
    (
        'Owner of Motin Petrol Pump Raju Ahmad said that the fire originated from a generator.\nWe continue to count on UK\'s global leadership in ensuring Myanmar\'s accountability for atrocities committed on Rohingya minorities and their early and sustained return to ancestral home in Myanmar in full dignity, rights and security."',
        [
            'Owner of Motin Petrol Pump Raju Ahmad said that the fire originated from a generator.',
            'We continue to count on UK\'s global leadership in ensuring Myanmar\'s accountability for atrocities committed on Rohingya minorities and their early and sustained return to ancestral home in Myanmar in full dignity, rights and security."',
        ],
    ),
    # RisingNews.valid.en lines 588-589
    (
        'Prime Minister Sheikh Hasina hosted a dinner in honour of the visiting Prime Minister Lee Nak-yon at Sonargaon Hotel. He also said, following filing case against OC Moazzem, opposition lawyers said, ""My lord, Barrister Sumon filed the case to seek Prime Minister Sheikh Hasina\'a attention."""',
        [
            'Prime Minister Sheikh Hasina hosted a dinner in honour of the visiting Prime Minister Lee Nak-yon at Sonargaon Hotel.',
            'He also said, following filing case against OC Moazzem, opposition lawyers said, ""My lord, Barrister Sumon filed the case to seek Prime Minister Sheikh Hasina\'a attention."""',
        ],
    ),
    # RisingNews.valid.en lines 591-592
    (
        'He believes that this recognition will be helpful in producing, supplying and upgrading appropriate and quality mobile phones as per the needs of the customers and other partners. ADB in its Asian Development Outlook, which was handed over to Prime Minister Sheikh Hasina on Wednesday, said that in the fiscal year 2018 Bangladesh attained 7.9 percent growth, the fastest expansion since 1974.',
        [
            'He believes that this recognition will be helpful in producing, supplying and upgrading appropriate and quality mobile phones as per the needs of the customers and other partners.',
            'ADB in its Asian Development Outlook, which was handed over to Prime Minister Sheikh Hasina on Wednesday, said that in the fiscal year 2018 Bangladesh attained 7.9 percent growth, the fastest expansion since 1974.',
        ],
    ),
]

RULES = [
    # Seed 003: a period after a closing quote, three plain sentences, a quote mid-sentence.
    (
        'Welcome to Russia for "range consultations". The talks will focus on bilateral relations and regional and international issues of mutual interest.',
        [
            'Welcome to Russia for "range consultations".',
            "The talks will focus on bilateral relations and regional and international issues of mutual interest.",
        ],
    ),
    (
        "For this long-planned two-day trip, Khan arrived in Moscow the day before. He arrived in Russia just hours before Russia invaded Ukraine. This is the first visit of a Pakistani Prime Minister to Russia in the last 23 years.",
        [
            "For this long-planned two-day trip, Khan arrived in Moscow the day before.",
            "He arrived in Russia just hours before Russia invaded Ukraine.",
            "This is the first visit of a Pakistani Prime Minister to Russia in the last 23 years.",
        ],
    ),
    (
        "Khan insisted that the conflict would not work in anyone's interest. \"Developing countries have always suffered the most economically because of the conflict,\" he added. According to the statement, he emphasized the importance of Pakistan's \"belief\" that the conflict should always be resolved through dialogue and diplomacy.",
        [
            "Khan insisted that the conflict would not work in anyone's interest.",
            '"Developing countries have always suffered the most economically because of the conflict," he added.',
            "According to the statement, he emphasized the importance of Pakistan's \"belief\" that the conflict should always be resolved through dialogue and diplomacy.",
        ],
    ),
    # Headline with no stop, then a blank line (seed 003).
    (
        "Breaking News\n\nRussian President Vladimir Putin attended a meeting with Pakistani Prime Minister Imran Khan in Moscow, Russia on February 24, 2022.",
        [
            "Breaking News",
            "Russian President Vladimir Putin attended a meeting with Pakistani Prime Minister Imran Khan in Moscow, Russia on February 24, 2022.",
        ],
    ),
    # `Dr.` and `Prof. Dr.` before a name.
    (
        "Dr. Zia Rahman, proctor of the hall confirmed the matter on Friday. Prof. Dr. Kazi Shahidullah has been appointed as new chairman of the University Grants Commission (UGC).",
        [
            "Dr. Zia Rahman, proctor of the hall confirmed the matter on Friday.",
            "Prof. Dr. Kazi Shahidullah has been appointed as new chairman of the University Grants Commission (UGC).",
        ],
    ),
    # Post-fix: `Md.`, `Mst.`, `Mohd.` before a name, also at the start of a sentence.
    (
        "Foreign Secretary Md. Shahidul Haque briefed reporters about the matter. Mst. Rokeya Begum was present. Mohd. Nazrul Islam briefed reporters.",
        [
            "Foreign Secretary Md. Shahidul Haque briefed reporters about the matter.",
            "Mst. Rokeya Begum was present.",
            "Mohd. Nazrul Islam briefed reporters.",
        ],
    ),
    (
        "They were taken to Dhaka Medical College Hospital. Md. Rezaul Ahsan, additional secretary to the cabinet division, confirmed the matter.",
        [
            "They were taken to Dhaka Medical College Hospital.",
            "Md. Rezaul Ahsan, additional secretary to the cabinet division, confirmed the matter.",
        ],
    ),
    # `Mrs.`, `Mr.` and middle initials.
    (
        "US Ambassador to Bangladesh Earl R. Miller will lead a delegation to the Indo-Pacific Business Forum. Mrs. Miller and Mr. Rahman will join him.",
        [
            "US Ambassador to Bangladesh Earl R. Miller will lead a delegation to the Indo-Pacific Business Forum.",
            "Mrs. Miller and Mr. Rahman will join him.",
        ],
    ),
    (
        "John F. Kennedy visited Dhaka in 1961. President M. Abdul Hamid congratulated the team.",
        ["John F. Kennedy visited Dhaka in 1961.", "President M. Abdul Hamid congratulated the team."],
    ),
    # `U.S.` inside a sentence, and at its end.
    (
        "The U.S. and Bangladesh signed the agreement on Monday. Bangladeshis living in the U.S. have been asked to remain alert.",
        [
            "The U.S. and Bangladesh signed the agreement on Monday.",
            "Bangladeshis living in the U.S. have been asked to remain alert.",
        ],
    ),
    (
        "Many Bangladeshi students are going to the U.S. They study there.",
        ["Many Bangladeshi students are going to the U.S.", "They study there."],
    ),
    # `a.m.` / `p.m.`: inside a sentence, and at its end before a capital.
    (
        "The meeting starts at 10:30 a.m. on Sunday, officials said. It ended at 5 p.m. The two leaders then left.",
        [
            "The meeting starts at 10:30 a.m. on Sunday, officials said.",
            "It ended at 5 p.m.",
            "The two leaders then left.",
        ],
    ),
    # Decimals.
    (
        "ADB said Bangladesh attained 7.9 percent growth. Which is 2.8 per cent more than the same period of last year.",
        [
            "ADB said Bangladesh attained 7.9 percent growth.",
            "Which is 2.8 per cent more than the same period of last year.",
        ],
    ),
    # `No.` before a number.
    (
        "The office is at House No. 5, Road No. 12 in Dhanmondi. It opens on weekdays.",
        ["The office is at House No. 5, Road No. 12 in Dhanmondi.", "It opens on weekdays."],
    ),
    # Quotations: closing quote after the stop; a quotation of two sentences is cut as the
    # Bangla splitter cuts its translation (pySBD reads the text with quotes blanked).
    (
        'Speaking on the occasion, she said, "we are currently hosting over 1.1 million Rohingyas." They were taken to Dhaka Medical College Hospital.',
        [
            'Speaking on the occasion, she said, "we are currently hosting over 1.1 million Rohingyas."',
            "They were taken to Dhaka Medical College Hospital.",
        ],
    ),
    (
        'He said, "No more delay. We want to start implementation work as soon as possible" They wished Sheikh Hasina good health and long life.',
        [
            'He said, "No more delay.',
            'We want to start implementation work as soon as possible"',  # a quotation closed without a stop
            "They wished Sheikh Hasina good health and long life.",
        ],
    ),
    # Post-fix: a stray closing quote (the quotation opened in an earlier paragraph).
    (
        'Their online activities are being destroyed by means of technology."',
        ['Their online activities are being destroyed by means of technology."'],
    ),
    (
        'We can make bridge in this region and beyond the region." The foreign secretary said the two sides discussed the regional electricity trade.',
        [
            'We can make bridge in this region and beyond the region."',
            "The foreign secretary said the two sides discussed the regional electricity trade.",
        ],
    ),
    # Question and exclamation marks.
    (
        'Why were the bookstores in Dhaka closed? Nobody knows! "We don\'t want to go for aggression, we want peace."',
        [
            "Why were the bookstores in Dhaka closed?",
            "Nobody knows!",
            '"We don\'t want to go for aggression, we want peace."',
        ],
    ),
    # Ellipsis: before a lowercase word it goes on, before a capital a new sentence starts.
    (
        "Inspired by Bangabandhu's visionary ideas... we are continuing regional cooperation. He waited... The talks began.",
        [
            "Inspired by Bangabandhu's visionary ideas... we are continuing regional cooperation.",
            "He waited...",
            "The talks began.",
        ],
    ),
    # Brackets.
    (
        "Khan met Putin on Thursday. (He arrived on Wednesday.) The talks lasted three hours.",
        ["Khan met Putin on Thursday.", "(He arrived on Wednesday.)", "The talks lasted three hours."],
    ),
    # A headline typed without a stop runs into the next sentence: a capitalised pronoun or
    # article after a lower-case word starts a new one (three words at least on each side).
    (
        "Hasina congratulates Modi on his party's landslide poll victory We will cooperate in establishing peace in South Asia.",
        [
            "Hasina congratulates Modi on his party's landslide poll victory",
            "We will cooperate in establishing peace in South Asia.",
        ],
    ),
    (
        "Case filed over fire at Banani Police Station The government was active over the issue in last year.",
        ["Case filed over fire at Banani Police Station", "The government was active over the issue in last year."],
    ),
    # A capitalised preposition or conjunction after a lower-case word starts one too.
    (
        "Fire breaks out at a garment factory in the capital In the blaze two workers were injured.",
        ["Fire breaks out at a garment factory in the capital", "In the blaze two workers were injured."],
    ),
    (
        "Ministers meet to discuss the flood situation While the water recedes the risk stays high.",
        ["Ministers meet to discuss the flood situation", "While the water recedes the risk stays high."],
    ),
    # An opening quote with a capital after a lower-case word: a quotation that starts a
    # new sentence after a unit without a stop...
    (
        'He was charged in a domestic violence incident on Monday night "What my own son is going through is hard," he said.',
        [
            "He was charged in a domestic violence incident on Monday night",
            '"What my own son is going through is hard," he said.',
        ],
    ),
    # A capitalised preposition before a date or a place and a comma opens one too.
    (
        "It gave the assembly the power to change its name In June, the Commission published results.",
        ["It gave the assembly the power to change its name", "In June, the Commission published results."],
    ),
    (
        "SARS-CoV-2 surpasses one million infections worldwide On Thursday, the total passed one million.",
        ["SARS-CoV-2 surpasses one million infections worldwide", "On Thursday, the total passed one million."],
    ),
    # ...but not after a verb of saying or naming, an article or a preposition.
    ('He said "We will win this one easily," and left.', ['He said "We will win this one easily," and left.']),
    ('The film was called "The Irishman" and it won.', ['The film was called "The Irishman" and it won.']),
    (  # a verb of saying in its -ing form introduces the quotation too
        'Trump said he had no time frame, saying "If it takes two years, it does not matter." China disagrees.',
        ['Trump said he had no time frame, saying "If it takes two years, it does not matter."', "China disagrees."],
    ),
    (  # a quotation as the object of a verb that wants one
        'The World Health Organization has "Five Moments" for washing hands, each of them short.',
        ['The World Health Organization has "Five Moments" for washing hands, each of them short.'],
    ),
    ('They starred in "The Irishman" last year and won.', ['They starred in "The Irishman" last year and won.']),
    # ...but not inside a title, a name, or with fewer than three words on a side.
    (
        "The shirts are stamped Made In Bangladesh on the label.",
        ["The shirts are stamped Made In Bangladesh on the label."],
    ),
    (
        "She joined the sit-in On Monday with other workers.",
        ["She joined the sit-in On Monday with other workers."],
    ),
    (
        "He has read The Daily Star every morning since 1990.",
        ["He has read The Daily Star every morning since 1990."],
    ),
    (
        "The minister told reporters at the ceremony This year.",
        ["The minister told reporters at the ceremony This year."],
    ),
    # A quotation that opened in an earlier line: its closing quote must not make pySBD
    # read the rest of the line as one quotation.
    (
        'I am doing all I can for the team," the coach said. Smith went on, "We will win the next one."',
        ['I am doing all I can for the team," the coach said.', 'Smith went on, "We will win the next one."'],
    ),
    # Back-to-back quotations.
    (
        'He said, "No more delay." "We want to start implementation work as soon as possible."',
        ['He said, "No more delay."', '"We want to start implementation work as soon as possible."'],
    ),
    # A `"` typed for an apostrophe (`the club"s`).
    (
        'She was asked about the club" new schedule. "I do not need more games," she said.',
        ['She was asked about the club" new schedule.', '"I do not need more games," she said.'],
    ),
    # `…` before a capital ends a sentence, as pySBD's `...` does; not before a lower-case word.
    (
        "Most bookstores in Dhaka were closed… Then the lockdown was lifted.",
        ["Most bookstores in Dhaka were closed…", "Then the lockdown was lifted."],
    ),
    ("He paused… and then went on with the story.", ["He paused… and then went on with the story."]),
    # A capitalised sentence adverb and its comma after a lower-case word open a sentence.
    # ...and any capitalised adverb of the `-ly` kinds with its comma; `That` before a lower-case word.
    (
        "Most children were placed with sponsors Traditionally, most sponsors have been parents themselves.",
        ["Most children were placed with sponsors", "Traditionally, most sponsors have been parents themselves."],
    ),
    (
        "They toured southern Italy, France and Spain in the summer.",
        ["They toured southern Italy, France and Spain in the summer."],
    ),
    (
        "It must be declared a national disaster zone That has not happened yet.",
        ["It must be declared a national disaster zone", "That has not happened yet."],
    ),
    (
        "The band played a song called That Thing You Do at the end.",
        ["The band played a song called That Thing You Do at the end."],
    ),
    # A stop with no space after it before a capitalised word (a citation mark taken out).
    (
        "One person generally infects two to three others.The virus survives for hours on surfaces.",
        ["One person generally infects two to three others.", "The virus survives for hours on surfaces."],
    ),
    (
        "China denied faecal-oral transmission of SARS-CoV-2.The virus is most contagious early.",
        ["China denied faecal-oral transmission of SARS-CoV-2.", "The virus is most contagious early."],
    ),
    (
        "Mrs.Smith met Prof.Roy at the site. It costs 3.5 dollars on www.Amazon.com today.",
        ["Mrs.Smith met Prof.Roy at the site.", "It costs 3.5 dollars on www.Amazon.com today."],
    ),
    # An opener after a word that closes a quotation without a stop.
    (
        'WHO said it saw no reason for "measures that interfere with trade and movement" On 5 February, WHO appealed for funds.',
        ['WHO said it saw no reason for "measures that interfere with trade and movement"', "On 5 February, WHO appealed for funds."],
    ),
    (
        "The storm is meeting cooler waters and therefore powering down Thus, it is expected to weaken.",
        ["The storm is meeting cooler waters and therefore powering down", "Thus, it is expected to weaken."],
    ),
    # ...not a post's `@handle` before it, nor the word without its comma (`Still Life`).
    (
        "I am telling you all @user4 However, the businessmen can import through auction.",
        ["I am telling you all @user4 However, the businessmen can import through auction."],
    ),
    ("The gallery bought a painting called Still Life with Apples.", ["The gallery bought a painting called Still Life with Apples."]),
    # A quoted question or exclamation before a lower-case word: its attribution follows.
    (
        '"Where are you going?" she asked. "Home," he said. "Why?" The answer came later.',
        ['"Where are you going?" she asked.', '"Home," he said.', '"Why?"', "The answer came later."],
    ),
    # ...nor before a short piece that names its speaker before a verb of saying.
    (
        '"Where have you been all night?" Mother asked. "Stop!" Mr. Rahman shouted at them. '
        '"Why?" Police said on Monday that the two men had fled the city after the attack.',
        ['"Where have you been all night?" Mother asked.', '"Stop!" Mr. Rahman shouted at them.', '"Why?"',
         "Police said on Monday that the two men had fled the city after the attack."],
    ),
    (
        "\u201cI don't know!\u201d cried Rina. Protesters chanted \"November is coming!\" as they marched.",
        ["\u201cI don't know!\u201d cried Rina.", 'Protesters chanted "November is coming!" as they marched.'],
    ),
]

# Known failures, kept visible.
KNOWN_FAILURES = [
    pytest.param(
        "The talks were held in the U.S. Later the two leaders left.",
        ["The talks were held in the U.S.", "Later the two leaders left."],
        marks=pytest.mark.xfail(
            strict=True,
            reason="pySBD ends a sentence at an abbreviation only before a known starter (The, They, In)",
        ),
    ),
]

GOLDEN = CORPUS + RULES + KNOWN_FAILURES
IDS = [f"corpus{i:02d}" for i in range(len(CORPUS))] + [
    f"rule{i:02d}" for i in range(len(RULES) + len(KNOWN_FAILURES))
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN, ids=IDS)
def test_golden(text: str, expected: list[str]) -> None:
    spans = split_sentences(text, Lang.EN)
    assert [text[start:end] for start, end in spans] == expected


@pytest.mark.parametrize("text", [text for text, _ in CORPUS + RULES], ids=IDS[: len(CORPUS + RULES)])
def test_spans_are_ordered_stripped_and_cover_the_text(text: str) -> None:
    spans = split_sentences(text, Lang.EN)
    covered = "".join(text[start:end] for start, end in spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert all(text[start:end] == text[start:end].strip() != "" for start, end in spans)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize("gap", ["  ", "\n", "\n\n", " \t ", "\r\n", "   \n  "])
def test_offsets_survive_odd_whitespace(gap: str) -> None:
    sentences = [
        "Dr. Zia Rahman, proctor of the hall confirmed the matter on Friday.",
        "Foreign Secretary Md. Shahidul Haque briefed reporters.",
        "The U.S. economy grew 2.4 percent.",
    ]
    text = "  " + gap.join(sentences) + gap
    assert [text[start:end] for start, end in split_sentences(text, Lang.EN)] == sentences


def test_repeated_sentences_get_their_own_offsets() -> None:
    text = "Yes. Yes.  Yes."
    assert split_sentences(text, Lang.EN) == [(0, 4), (5, 9), (11, 15)]


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\n "])
def test_empty_or_whitespace_gives_no_sentences(text: str) -> None:
    assert split_sentences(text, Lang.EN) == []


def test_unknown_language_names_the_choices() -> None:
    with pytest.raises(ValueError, match="'bn', 'en'"):
        split_sentences("Hello.", "fr")  # type: ignore[arg-type]


def test_a_long_run_goes_through_pysbd_in_windows_with_the_same_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    # pySBD's time grows with the square of the text: a long run is split in windows, and a
    # window's last piece runs on into the next, so no sentence is cut where a window ends.
    from aligner.text.split import english

    sentences = [
        "Dr. Rahman said the U.S. team arrived at 10 a.m. on Monday.",
        "The match was postponed because of the storm.",
        "Prices rose 2.5 percent in the local markets this week.",
        "Mr. Khan met reporters in Dhaka.",
    ]
    text = " ".join(sentences * 30)
    whole = english.split(text)
    monkeypatch.setattr(english, "_PYSBD_WINDOW", 500)
    assert english.split(text) == whole and len(whole) == 120


def test_a_megabyte_run_with_no_stop_is_cut_in_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    from aligner.text.split import english

    monkeypatch.setattr(english, "_PYSBD_WINDOW", 2000)
    text = "a long piece about the rivers of Bangladesh with no full stop anywhere " * 100
    spans = english.split(text)
    assert len(spans) > 1 and all(end - start <= 2000 for start, end in spans)
    assert " ".join(text[s:e] for s, e in spans) == text.strip()

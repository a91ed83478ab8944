create table second_module (id int);

Console.Error.WriteLine("GraphQLHost: not implemented yet");
return 1;

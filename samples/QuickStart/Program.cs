System.Console.WriteLine("QuickStart: not written yet (issue 4).");
return 1;
